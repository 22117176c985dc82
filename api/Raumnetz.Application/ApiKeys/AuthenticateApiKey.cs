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
        // Runs on every partner request, so the lookup gets the read retry; the rare bookkeeping write below does not.
        var hash = ApiKeySecrets.Hash(request.Key);
        var now = clock.GetUtcNow();
        var (key, stale) = await db.ReadAsync(async (connection, ct) =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
                "SELECT id, name, role, last_used_at FROM api_keys WHERE key_hash = @hash AND revoked_at IS NULL", new { hash }, cancellationToken: ct));
            return (row is null ? null : new AuthenticatedApiKey { Id = row.Id, Name = row.Name, Role = row.Role },
                row is not null && (row.LastUsedAt is null || row.LastUsedAt < now.AddMinutes(-5)));
        }, cancellationToken);
        if (key is not null && stale)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE api_keys SET last_used_at = @now WHERE id = @Id AND (last_used_at IS NULL OR last_used_at < @threshold)",
                new { key.Id, now, threshold = now.AddMinutes(-5) }, cancellationToken: cancellationToken));
        }
        return key;
    }

    private sealed class ApiKeyRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Role Role { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
    }
}
