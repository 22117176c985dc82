using Raumnetz.Application.Actors;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Users;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Privacy;

/// <summary>Everything Raumnetz holds about a person (GDPR Art. 15): one document.</summary>
public sealed record ActorDataExport
{
    public DateTimeOffset ExportedAt { get; init; }
    /// <summary>Master data: name, contact data, type, spaces, tags, notes.</summary>
    public required ActorDto Actor { get; init; }
    public IReadOnlyList<MembershipExport> Memberships { get; init; } = [];
    public IReadOnlyList<AttendanceExport> Attendance { get; init; } = [];
    /// <summary>Agreements (tasks) the person is responsible for.</summary>
    public IReadOnlyList<ResponsibilityExport> Responsibilities { get; init; } = [];
    public IReadOnlyList<RelationExport> Relations { get; init; } = [];
    /// <summary>Records that refer to the person by id (a network they coordinate, a service they operate, ...).</summary>
    public IReadOnlyList<ReferenceExport> References { get; init; } = [];
    /// <summary>Free texts (minutes, notes, descriptions) that mention the person's name.</summary>
    public IReadOnlyList<TextMention> Mentions { get; init; } = [];
    /// <summary>The audit entries about the person and their memberships.</summary>
    public IReadOnlyList<AuditEntryDto> AuditEntries { get; init; } = [];
}

public sealed record MembershipExport
{
    public Guid Id { get; init; }
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public MemberRole Role { get; init; }
    public Guid? DelegatedFromNetworkId { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
}

public sealed record AttendanceExport
{
    public Guid MeetingId { get; init; }
    public Guid NetworkId { get; init; }
    public string? Title { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public Guid MemberId { get; init; }
    public Attendance Attendance { get; init; }
}

public sealed record ResponsibilityExport
{
    public Guid TaskId { get; init; }
    public Guid NetworkId { get; init; }
    public string Title { get; init; } = "";
    public DateOnly? DueDate { get; init; }
    public AgreementStatus Status { get; init; }
}

public sealed record RelationExport
{
    public Guid Id { get; init; }
    public Guid SourceActorId { get; init; }
    public Guid TargetActorId { get; init; }
    public RelationType RelationType { get; init; }
    public bool IsContractual { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
}

/// <summary>A record that refers to the person: its kind, id, the referring field and its name or title.</summary>
public sealed record ReferenceExport(string EntityType, string EntityId, string Field, string? Label);

/// <summary>A free text that mentions a person's name: the kind and id of its record and the field.</summary>
public sealed record TextMention(string EntityType, string EntityId, string Field);

/// <summary>Everything Raumnetz holds about a user account (GDPR Art. 15).</summary>
public sealed record UserDataExport
{
    public DateTimeOffset ExportedAt { get; init; }
    public required UserDto User { get; init; }
    public IReadOnlyList<SessionExport> Sessions { get; init; } = [];
    public IReadOnlyList<ApiKeyExport> ApiKeysCreated { get; init; } = [];
    /// <summary>Records the account wrote that keep its principal (assessments, capacity entries, verifications).</summary>
    public IReadOnlyList<ReferenceExport> References { get; init; } = [];
    /// <summary>Audit entries about the account (sign-ins, sign-outs, changes of it).</summary>
    public IReadOnlyList<AuditEntryDto> AuditEntriesAbout { get; init; } = [];
    /// <summary>Audit entries of what the account did.</summary>
    public IReadOnlyList<AuditEntryDto> AuditEntriesBy { get; init; } = [];
}

public sealed record SessionExport
{
    public Guid Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? UserAgent { get; init; }
    public string? Address { get; init; }
}

public sealed record ApiKeyExport
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>The outcome of an erasure (GDPR Art. 17).</summary>
public sealed record ErasureResult
{
    public Guid Id { get; init; }
    /// <summary>The name that replaced the erased one.</summary>
    public string Name { get; init; } = "";
    public DateTimeOffset ErasedAt { get; init; }
    /// <summary>Audit entries from which the erased values were removed.</summary>
    public int AuditEntriesScrubbed { get; init; }
    /// <summary>Free texts that mention the erased name: to be reviewed and edited by hand.</summary>
    public IReadOnlyList<TextMention> ForReview { get; init; } = [];
}
