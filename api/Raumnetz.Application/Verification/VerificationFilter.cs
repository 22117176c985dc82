using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Verification;

/// <summary>
/// The SQL condition "the service <c>s</c> is overdue (or due) on a day" without date arithmetic in SQL: for each
/// verification interval in use, the latest verification day that is overdue (<see cref="VerificationRules.LastOverdueVerification"/>)
/// is computed here and compared as a parameter. Shared by the queue and the services list's verification filter.
/// </summary>
public static class VerificationFilter
{
    /// <summary>The intervals the services use (few distinct values).</summary>
    public static async Task<IReadOnlyList<int>> IntervalsAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT DISTINCT verification_interval_months FROM services", transaction: tx, cancellationToken: ct))).ToList();

    /// <summary>
    /// The condition on <c>s</c> (the services table's alias) for services in <paramref name="state"/> on <paramref name="on"/>:
    /// overdue (never verified, or the due day passed), due (due today, or overdue: everything that needs verifying) or
    /// current (verified and not yet due). Adds its parameters to <paramref name="p"/>.
    /// </summary>
    public static string Condition(VerificationState state, DateOnly on, IReadOnlyList<int> intervals, DynamicParameters p)
    {
        var terms = new List<string>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var last = state == VerificationState.Overdue
                ? VerificationRules.LastOverdueVerification(on, intervals[i])
                : VerificationRules.LastDueVerification(on, intervals[i]);
            terms.Add($"(s.verification_interval_months = @vfi{i} AND s.verified_on <= @vfd{i})");
            p.Add($"vfi{i}", intervals[i]);
            p.Add($"vfd{i}", last);
        }
        var needing = "(s.verified_on IS NULL" + string.Concat(terms.Select(t => " OR " + t)) + ")";
        return state == VerificationState.Current ? $"NOT {needing}" : needing;
    }
}
