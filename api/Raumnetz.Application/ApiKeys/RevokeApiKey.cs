using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ApiKeys;

/// <summary>Revokes a key at once; requests with it are refused from now on. Revoking twice is harmless.</summary>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>;

public sealed class RevokeApiKeyHandler(IUnitOfWork unitOfWork, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync("UPDATE api_keys SET revoked_at = COALESCE(revoked_at, @now) WHERE id = @Id",
            new { request.Id, now = clock.GetUtcNow() }, tx);
        if (rows == 0) throw new NotFoundException("API key", request.Id);
        return Unit.Value;
    }
}
