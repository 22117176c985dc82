using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Auth;

/// <summary>Ends one of the signed-in user's own open sessions (404 for any other id); its cookie is refused from then on.</summary>
public sealed record EndSessionCommand(Guid UserId, Guid SessionId) : ICommand<Unit>;

public sealed class EndSessionHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<EndSessionCommand, Unit>
{
    public async Task<Unit> Handle(EndSessionCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE sessions SET revoked_at = @now WHERE id = @sessionId AND user_id = @userId AND revoked_at IS NULL AND expires_at > @now
            """, new { sessionId = request.SessionId, userId = request.UserId, now }, tx, cancellationToken: cancellationToken));
        if (rows == 0) throw new NotFoundException("Session", request.SessionId);
        return Unit.Value;
    }
}
