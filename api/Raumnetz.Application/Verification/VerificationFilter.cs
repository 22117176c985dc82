using Dapper;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Verification;

/// <summary>
/// SQL conditions "the service is overdue (or due) on a day" without date arithmetic in SQL: for every interval a service
/// may have (1 to <see cref="VerificationRules.MaxIntervalMonths"/> months) the latest verification day that is overdue
/// (<see cref="VerificationRules.LastOverdueVerification"/>) is computed here and picked by a CASE on the service's interval,
/// so every provider compares plain dates. Shared by the verification queue and the services list's verification filter.
/// </summary>
public static class VerificationFilter
{
    /// <summary>Never verified, or the due day lies before <paramref name="on"/>; <paramref name="alias"/> is the services table's
    /// alias.</summary>
    public static string Overdue(string alias, DateOnly on, DynamicParameters p) =>
        $"({alias}.verified_on IS NULL OR {alias}.verified_on <= {Threshold(alias, on, "vfo", p)})";

    /// <summary>Overdue, or due on <paramref name="on"/> itself: everything that needs verifying that day.</summary>
    public static string DueOrOverdue(string alias, DateOnly on, DynamicParameters p) =>
        $"({alias}.verified_on IS NULL OR {alias}.verified_on <= {Threshold(alias, on.AddDays(1), "vfd", p)})";

    /// <summary>The services in exactly this state on <paramref name="on"/>.</summary>
    public static string InState(string alias, VerificationState state, DateOnly on, DynamicParameters p) => state switch
    {
        VerificationState.Overdue => Overdue(alias, on, p),
        VerificationState.Due => $"({DueOrOverdue(alias, on, p)} AND NOT {Overdue(alias, on, p)})",
        _ => $"NOT {DueOrOverdue(alias, on, p)}",
    };

    private static string Threshold(string alias, DateOnly on, string prefix, DynamicParameters p)
    {
        var cases = new System.Text.StringBuilder($"CASE {alias}.verification_interval_months");
        for (var months = 1; months <= VerificationRules.MaxIntervalMonths; months++)
        {
            cases.Append(System.Globalization.CultureInfo.InvariantCulture, $" WHEN {months} THEN @{prefix}{months}");
            p.Add($"{prefix}{months}", VerificationRules.LastOverdueVerification(on, months));
        }
        return cases.Append(" END").ToString();
    }
}
