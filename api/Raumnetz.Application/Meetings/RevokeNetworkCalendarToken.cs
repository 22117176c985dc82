using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>Revokes the feed token of a network: subscriptions with it stop working; the next GET issues a new one.</summary>
public sealed record RevokeNetworkCalendarTokenCommand(Guid NetworkId) : ICommand<Unit>;

public sealed class RevokeNetworkCalendarTokenHandler(IUnitOfWork unitOfWork) : IRequestHandler<RevokeNetworkCalendarTokenCommand, Unit>
{
    public async Task<Unit> Handle(RevokeNetworkCalendarTokenCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                tx) == 0)
            throw new NotFoundException("Network", request.NetworkId);
        await connection.ExecuteAsync("DELETE FROM network_calendar_tokens WHERE network_id = @NetworkId", new { request.NetworkId }, tx);
        return Unit.Value;
    }
}
