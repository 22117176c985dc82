using Dapper;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Audit;

/// <summary>How long audit entries are kept ("Raumnetz:Audit").</summary>
public sealed class AuditOptions
{
    /// <summary>Entries older than this many days are deleted by a background cleanup (Raumnetz__Audit__RetentionDays); unset or
    /// 0 keeps them forever (the default).</summary>
    public int? RetentionDays { get; set; }

    public TimeSpan? Retention => RetentionDays is { } days && days > 0 ? TimeSpan.FromDays(days) : null;
}

/// <summary>The retention cleanup: the only deletion of audit entries besides none at all. No API reaches it.</summary>
public static class AuditRetention
{
    /// <summary>Deletes the entries that occurred before <paramref name="cutoff"/>; returns how many.</summary>
    public static async Task<int> PurgeAsync(IDbConnectionFactory db, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM audit_entries WHERE occurred_at < @cutoff", new { cutoff }, cancellationToken: ct));
    }
}
