using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Verification;

/// <summary>A service's verification after it was verified: when, by whom, when it is due again.</summary>
public sealed record VerificationDto
{
    public Guid Id { get; init; }
    public Guid ServiceId { get; init; }
    public DateOnly VerifiedOn { get; init; }
    /// <summary>Who verified: the user (user:id) or partner system (key:id).</summary>
    public string VerifiedBy { get; init; } = "";
    public string? Note { get; init; }
    public int IntervalMonths { get; init; }
    /// <summary>The day the next verification is due.</summary>
    public DateOnly NextDueOn { get; init; }
    /// <summary>The service's version after the verification (its new ETag).</summary>
    public long ServiceVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A service in the verification queue: due or overdue on the reference day, or never verified.</summary>
public sealed record VerificationQueueItemDto
{
    public Guid ServiceId { get; init; }
    public string Name { get; init; } = "";
    public ServiceStatus Status { get; init; }
    public Guid? OperatorActorId { get; init; }
    public string? OperatorName { get; init; }
    /// <summary>Last verification; null when never verified.</summary>
    public DateOnly? VerifiedOn { get; init; }
    public string? VerifiedBy { get; init; }
    public int IntervalMonths { get; init; }
    /// <summary>The day the verification was (or is) due; null when never verified.</summary>
    public DateOnly? DueOn { get; init; }
    /// <summary>Days past the due day (0 when due on the reference day); null when never verified.</summary>
    public int? DaysOverdue { get; init; }
    public VerificationState State { get; init; }
}

/// <summary>The verification queue on a reference day.</summary>
public sealed record VerificationQueueDto
{
    public DateOnly On { get; init; }
    public IReadOnlyList<VerificationQueueItemDto> Items { get; init; } = [];
    public string? NextCursor { get; init; }
    /// <summary>The number of entries over all pages, with includeTotal=true (null otherwise).</summary>
    public int? Total { get; init; }
}
