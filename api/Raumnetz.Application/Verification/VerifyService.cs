using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Verification;

/// <summary>
/// Marks a service as verified (its record checked and found right): verified on today (or an earlier day given), by the
/// caller, with an optional note. Raises the service's version (If-Match with its ETag) and keeps the verification in its history.
/// </summary>
public sealed record VerifyServiceCommand : ICommand<VerificationDto>
{
    public Guid ServiceId { get; init; }
    public long? ExpectedVersion { get; init; }
    /// <summary>The day of the verification; today when omitted; not in the future.</summary>
    public DateOnly? VerifiedOn { get; init; }
    public string? Note { get; init; }
}

public sealed class VerifyServiceValidator : AbstractValidator<VerifyServiceCommand>
{
    public VerifyServiceValidator() => RuleFor(x => x.Note).MaximumLength(Limits.Note);
}

public sealed class VerifyServiceHandler(IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<VerifyServiceCommand, VerificationDto>
{
    private sealed class Current
    {
        public long Version { get; init; }
        public int VerificationIntervalMonths { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
    }

    public async Task<VerificationDto> Handle(VerifyServiceCommand request, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        if (request.VerifiedOn > today) throw new InvalidFieldException("verifiedOn", "'verifiedOn' must not lie in the future.");
        var verifiedOn = request.VerifiedOn ?? today;
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(
            "SELECT version, verification_interval_months, archived_at FROM services WHERE id = @ServiceId", new { request.ServiceId }, tx,
                cancellationToken: cancellationToken)) ?? throw new NotFoundException("Service", request.ServiceId);
        if (request.ExpectedVersion is { } expected && expected != current.Version)
            throw new StaleVersionException("Service", request.ServiceId, expected, current.Version);
        if (current.ArchivedAt is not null) throw new ConflictException("The service is archived; restore it before verifying it.");
        var now = clock.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        // a verification of an earlier day than the one on record does not move the record back
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE services SET verified_on = CASE WHEN verified_on IS NULL OR verified_on < @verifiedOn THEN @verifiedOn ELSE verified_on END,
                verified_by = CASE WHEN verified_on IS NULL OR verified_on <= @verifiedOn THEN @by ELSE verified_by END,
                version = version + 1, updated_at = @now
            WHERE id = @ServiceId AND version = @version
            """, new { request.ServiceId, verifiedOn, by = user.Principal, now, version = current.Version }, tx,
                cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Service", request.ServiceId, current.Version);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO service_verifications (id, service_id, verified_on, verified_by, note, version_after, created_at)
            VALUES (@id, @ServiceId, @verifiedOn, @by, @note, @after, @now)
            """, new { id, request.ServiceId, verifiedOn, by = user.Principal, note, after = current.Version + 1, now }, tx,
                cancellationToken: cancellationToken));
        var latest = await connection.QuerySingleAsync<DateOnly>(new CommandDefinition(
            "SELECT verified_on FROM services WHERE id = @ServiceId", new { request.ServiceId }, tx, cancellationToken: cancellationToken));
        return new VerificationDto
        {
            Id = id, ServiceId = request.ServiceId, VerifiedOn = verifiedOn, VerifiedBy = user.Principal, Note = note,
            IntervalMonths = current.VerificationIntervalMonths,
            NextDueOn = VerificationRules.DueOn(latest, current.VerificationIntervalMonths)!.Value,
            ServiceVersion = current.Version + 1, CreatedAt = now,
        };
    }
}
