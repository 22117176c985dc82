using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.DemoData;

/// <summary>Seeds the demo data set into an empty database (no spaces yet); does nothing otherwise.</summary>
public sealed record SeedDemoDataCommand : IRequest<SeedDemoDataResult>;

public sealed record SeedDemoDataResult(bool Seeded, int Spaces, int Actors);

public sealed class SeedDemoDataHandler(IDbConnectionFactory db, IMediator mediator) : IRequestHandler<SeedDemoDataCommand, SeedDemoDataResult>
{
    public async Task<SeedDemoDataResult> Handle(SeedDemoDataCommand request, CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spaces") > 0) return new(false, 0, 0);
        }
        var state = await mediator.Send(new CreateSpaceCommand { Code = "12", Name = "Brandenburg", Level = SpaceLevel.State }, cancellationToken);
        await mediator.Send(new CreateSpaceCommand { Code = "12069", Name = "Landkreis Potsdam-Mittelmark", Level = SpaceLevel.County, ParentId = state.Id }, cancellationToken);
        return new(true, 2, 0);
    }
}
