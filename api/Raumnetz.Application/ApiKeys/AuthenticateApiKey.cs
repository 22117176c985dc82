using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.ApiKeys;

/// <summary>Finds the active key for a presented secret (null when unknown or revoked) and notes its use (at most every 5 minutes).</summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IRequest<AuthenticatedApiKey?>;

public sealed record AuthenticatedApiKey
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Role Role { get; init; }
}

public sealed class AuthenticateApiKeyHandler(IDbConnectionFactory db, TimeProvider clock) : IRequestHandler<AuthenticateApiKeyQuery, AuthenticatedApiKey?>
{
    public async Task<AuthenticatedApiKey?> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        if (!request.Key.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal) || request.Key.Length > 100) return null;
        await using var connection = await db.OpenAsync(cancellationToken);
        var key = await connection.QuerySingleOrDefaultAsync<AuthenticatedApiKey>(
            "SELECT id, name, role FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash = ApiKeySecrets.Hash(request.Key) });
        if (key is not null)
        {
            var now = clock.GetUtcNow();
            await connection.ExecuteAsync("UPDATE api_keys SET last_used_at = @now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @threshold)",
                new { key.Id, now, threshold = now.AddMinutes(-5) });
        }
        return key;
    }
}
