using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Fundings;

/// <summary>The editable fields of a funding, shared by create and update.</summary>
public abstract record FundingFields
{
    /// <summary>The funded service.</summary>
    public Guid ServiceId { get; init; }
    /// <summary>The funder (Fördermittelgeber), an actor.</summary>
    public Guid FunderActorId { get; init; }
    /// <summary>The funding programme (Förderprogramm), for example "Bundesprogramm Mehrgenerationenhaus".</summary>
    public string? Programme { get; init; }
    /// <summary>Amount per year in euros, 0 to 1,000,000,000.</summary>
    public decimal? AmountPerYear { get; init; }
    /// <summary>Share of the service's costs in percent, more than 0 up to 100; on no day may the shares of a service exceed 100.</summary>
    public decimal? SharePercent { get; init; }
    /// <summary>First day of the funding (inclusive); open when omitted.</summary>
    public DateOnly? StartsOn { get; init; }
    /// <summary>Last day of the funding (inclusive); open when omitted.</summary>
    public DateOnly? EndsOn { get; init; }
    /// <summary>Whether the funding continues after its end: secured, applied, open or ended (required).</summary>
    public RenewalStatus RenewalStatus { get; init; } = RenewalStatus.Open;
    public string? Note { get; init; }
}

public abstract class FundingFieldsValidator<T> : AbstractValidator<T> where T : FundingFields
{
    public const decimal MaxAmount = 1_000_000_000m;

    protected FundingFieldsValidator()
    {
        RuleFor(x => x.ServiceId).NotEmpty();
        RuleFor(x => x.FunderActorId).NotEmpty();
        RuleFor(x => x.Programme).MaximumLength(Limits.Name);
        RuleFor(x => x.AmountPerYear).InclusiveBetween(0m, MaxAmount).When(x => x.AmountPerYear is not null);
        RuleFor(x => x.AmountPerYear).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value)
            .WithMessage("'amountPerYear' has at most two decimals (cents).");
        RuleFor(x => x.SharePercent).GreaterThan(0m).LessThanOrEqualTo(FundingRules.MaxTotalShare).When(x => x.SharePercent is not null);
        RuleFor(x => x.SharePercent).Must(s => s is null || decimal.Round(s.Value, 3) == s.Value)
            .WithMessage("'sharePercent' has at most three decimals.");
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null && x.EndsOn is not null)
            .WithMessage("'endsOn' must not lie before 'startsOn'.");
        RuleFor(x => x.RenewalStatus).DefinedEnum();
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}

internal static class FundingChecks
{
    private sealed class Share
    {
        public Guid Id { get; init; }
        public DateOnly? StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public decimal? SharePercent { get; init; }
    }

    /// <summary>
    /// Checks a funding against the data: the service exists (404 when it is the route's, else 400 naming serviceId), the
    /// funder is an actor that is not archived (400 naming funderActorId), and on no day do the shares of the service's
    /// fundings add up to more than 100 % (400 naming sharePercent). The service's row stays locked until the transaction
    /// ends, so concurrent requests for one service check and write one after the other and the sum holds.
    /// </summary>
    public static async Task CheckAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid? selfId, FundingFields f,
        Guid? previousFunderId, CancellationToken ct)
    {
        if (!await dialect.LockForUpdateAsync(connection, tx, "services", f.ServiceId, ct))
            throw new InvalidFieldException("serviceId", $"Service '{f.ServiceId}' does not exist.");
        var archived = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT archived_at FROM actors WHERE id = @FunderActorId", new { f.FunderActorId }, tx, cancellationToken: ct));
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM actors WHERE id = @FunderActorId", new { f.FunderActorId }, tx, cancellationToken: ct));
        if (exists == 0) throw new InvalidFieldException("funderActorId", $"Actor '{f.FunderActorId}' does not exist.");
        if (archived is not null && f.FunderActorId != previousFunderId)
            throw new InvalidFieldException("funderActorId", $"Actor '{f.FunderActorId}' is archived and cannot become a funder.");
        if (f.SharePercent is null) return;
        var others = (await connection.QueryAsync<Share>(new CommandDefinition(
            """
            SELECT id, starts_on, ends_on, share_percent FROM service_fundings WHERE service_id = @ServiceId AND share_percent IS NOT NULL
            """,
            new { f.ServiceId }, tx, cancellationToken: ct)))
            .Select(s => new FundingShare(s.Id, s.StartsOn, s.EndsOn, s.SharePercent));
        var self = new FundingShare(selfId ?? Guid.Empty, f.StartsOn, f.EndsOn, f.SharePercent);
        if (FundingRules.Excess(self, others) is { } excess)
            throw new InvalidFieldException("sharePercent",
                $"The shares of the service's fundings would add up to {excess.Total:0.###} % " +
                (excess.Day is { } day ? $"on {day:yyyy-MM-dd}" : "before any funding starts") +
                "; overlapping fundings may together cover at most 100 %.");
    }

    public static object Parameters(FundingFields f) => new
    {
        f.ServiceId, f.FunderActorId, programme = Trimmed(f.Programme), f.AmountPerYear, f.SharePercent, f.StartsOn, f.EndsOn,
        renewalStatus = f.RenewalStatus.ToString(), note = Trimmed(f.Note),
    };

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
