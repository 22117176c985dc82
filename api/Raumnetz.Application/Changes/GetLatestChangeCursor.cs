using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Changes;

/// <summary>The feed's current end: a cursor to poll from after taking a first copy through the lists.</summary>
public sealed record GetLatestChangeCursorQuery : IRequest<ChangeCursorDto>;

public sealed class GetLatestChangeCursorHandler(IDbConnectionFactory db) : IRequestHandler<GetLatestChangeCursorQuery, ChangeCursorDto>
{
    public async Task<ChangeCursorDto> Handle(GetLatestChangeCursorQuery request, CancellationToken cancellationToken) =>
        new()
        {
            Cursor = ChangeCursor.Encode(await db.ReadAsync(async (connection, ct) => await connection.ExecuteScalarAsync<long?>(
                new CommandDefinition("SELECT MAX(seq) FROM entity_changes", cancellationToken: ct)) ?? 0, cancellationToken)),
        };
}
