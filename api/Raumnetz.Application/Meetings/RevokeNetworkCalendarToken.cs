using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>Revokes the feed token of a network: subscriptions with it stop working; the next GET issues a new one.</summary>
public sealed record RevokeNetworkCalendarTokenCommand(Guid NetworkId) : IRequest<Unit>;

public sealed class RevokeNetworkCalendarTokenHandler(IDbConnectionFactory db) : IRequestHandler<RevokeNetworkCalendarTokenCommand, Unit>
{
    public async Task<Unit> Handle(RevokeNetworkCalendarTokenCommand request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId }) == 0)
            throw new NotFoundException("Network", request.NetworkId);
        await connection.ExecuteAsync("DELETE FROM network_calendar_tokens WHERE network_id = @NetworkId", new { request.NetworkId });
        return Unit.Value;
    }
}
