namespace Raumnetz.Application.Audit;

/// <summary>
/// One entry of the audit trail: who (a user or an API key) did what (the action) to which entity when, the fields it
/// changed with their old and new values, and the W3C trace id of the request.
/// </summary>
public sealed record AuditEntryDto
{
    public Guid Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>'user:&lt;id&gt;', 'key:&lt;id&gt;', or 'anonymous' for work of the system itself (the first administrator).</summary>
    public string Principal { get; init; } = "";
    public Guid? UserId { get; init; }
    public Guid? ApiKeyId { get; init; }
    /// <summary>The user's display name or the API key's name, as they are now; null for the system.</summary>
    public string? PrincipalName { get; init; }
    /// <summary>The kind of entity (actor, space, network, user, ...).</summary>
    public string EntityType { get; init; } = "";
    /// <summary>The entity's id (a code for actor types); null for writes of many entities (imports).</summary>
    public string? EntityId { get; init; }
    /// <summary>create, update, delete, archive, restore, end, signIn, signInFailed, signOut, ...</summary>
    public string Action { get; init; } = "";
    /// <summary>The changed fields, sorted by name; never passwords, hashes or secrets.</summary>
    public IReadOnlyList<AuditChangeDto> Changes { get; init; } = [];
    /// <summary>The W3C trace id of the request (32 hex digits), when there was one.</summary>
    public string? TraceId { get; init; }
}

/// <summary>
/// One changed field: its old and new value as text (strings as they are, other values as JSON; null when there was
/// none).
/// </summary>
public sealed record AuditChangeDto(string Field, string? Old, string? New);
