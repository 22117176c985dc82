using Raumnetz.Application.Authorization;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.ApiKeys;

/// <summary>An API key as listed: never the key itself, only its visible prefix.</summary>
public sealed record ApiKeyDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Role Role { get; init; }
    public string KeyPrefix { get; init; } = "";
    /// <summary>Who created the key: 'user:&lt;id&gt;' or 'key:&lt;id&gt;' (an admin key), as audit entries name principals.</summary>
    public string CreatedBy { get; init; } = "";
    /// <summary>The creating account's display name or the creating key's name, as they are now; null when there is none.</summary>
    public string? CreatedByName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    /// <summary>The key's own request limit per minute; null: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
    /// <summary>Role grants scoped to networks and space subtrees, besides the global role.</summary>
    public IReadOnlyList<RoleGrantDto> Grants { get; init; } = [];
}

/// <summary>A new key: <see cref="Key"/> is shown this once and cannot be retrieved again.</summary>
public sealed record CreatedApiKeyDto
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Role Role { get; init; }
    public string Key { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The key's own request limit per minute; null: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
    public IReadOnlyList<RoleGrantDto> Grants { get; init; } = [];
}
