using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ApiKeys;

/// <summary>
/// Revokes a key at once, with the admin keys it created (<see cref="AdminKeyStanding"/>); requests with them are refused
/// from now on. Revoking twice is harmless.
/// </summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @Id",
            new { request.Id, now }, tx);
        if (rows == 0) throw new NotFoundException("API key", request.Id);
        await AdminKeyStanding.RevokeKeysOfKeyAsync(connection, tx, request.Id, now, cancellationToken);
        return Unit.Value;
    }
}
