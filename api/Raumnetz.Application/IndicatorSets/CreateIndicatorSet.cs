using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.IndicatorSets;

public sealed record CreateIndicatorSetCommand : IndicatorSetFields, ICommand<IndicatorSetDto>;

public sealed class CreateIndicatorSetValidator : IndicatorSetFieldsValidator<CreateIndicatorSetCommand>;

public sealed class CreateIndicatorSetHandler(IUnitOfWork unitOfWork, IndicatorSetReads reads, TimeProvider clock)
    : IRequestHandler<CreateIndicatorSetCommand, IndicatorSetDto>
{
    public async Task<IndicatorSetDto> Handle(CreateIndicatorSetCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await IndicatorSetChecks.CheckIndicatorsAsync(connection, tx, unitOfWork.Dialect, request.IndicatorIds!);
        await IndicatorSetChecks.CheckNetworkAsync(connection, tx, request.NetworkId);
        var p = IndicatorSetChecks.Parameters(request);
        p.Add("id", id);
        p.Add("now", clock.GetUtcNow());
        await connection.ExecuteAsync("""
            INSERT INTO indicator_sets (id, name, search_key, purpose, network_id, version, created_at, updated_at)
            VALUES (@id, @name, @searchKey, @purpose, @networkId, 1, @now, @now)
            """, p, tx);
        await IndicatorSetChecks.ReplaceIndicatorsAsync(connection, tx, id, request.IndicatorIds!);
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
