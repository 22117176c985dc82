using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// How a network is doing: last and next meeting, attendance over the last meetings, open and overdue agreements,
/// a missing mandate, and whether no meeting took place for more than twice the cadence.
/// </summary>
public sealed record NetworkHealthDto
{
    public Guid NetworkId { get; init; }
    public string NetworkName { get; init; } = "";
    public NetworkKind Kind { get; init; }
    public NetworkStatus Status { get; init; }
    /// <summary>Start of the last meeting that took place (not cancelled).</summary>
    public DateTimeOffset? LastMeetingAt { get; init; }
    /// <summary>Start of the next scheduled meeting (not cancelled).</summary>
    public DateTimeOffset? NextMeetingAt { get; init; }
    /// <summary>Meetings the attendance rate is computed over (the last ones that took place, at most the number asked for).</summary>
    public int MeetingsConsidered { get; init; }
    /// <summary>Share of "present" among the recorded attendances of those meetings (0 to 1); null when none are recorded.</summary>
    public double? AttendanceRate { get; init; }
    public int OpenAgreements { get; init; }
    public int OverdueAgreements { get; init; }
    public bool MandateMissing { get; init; }
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    /// <summary>The next meeting should take place by this day: twice the cadence after the last one (or after the start). Null without
    /// cadence.</summary>
    public DateOnly? MeetingDueBy { get; init; }
    /// <summary>No meeting took place for more than twice the cadence.</summary>
    public bool MeetingOverdue { get; init; }
    public bool NeedsAttention { get; init; }
    public IReadOnlyList<AttentionReason> Reasons { get; init; } = [];
}

/// <summary>Computes health for one network or all of them with a handful of set-based queries.</summary>
internal static class NetworkHealthCalculator
{
    private sealed class Base
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public NetworkKind Kind { get; init; }
        public NetworkStatus Status { get; init; }
        public string? Mandate { get; init; }
        public int? CadenceInterval { get; init; }
        public CadenceUnit? CadenceUnit { get; init; }
        public DateOnly? StartedOn { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private sealed class MeetingAt
    {
        public Guid NetworkId { get; init; }
        public DateTimeOffset StartsAt { get; init; }
    }

    private sealed class Counted
    {
        public Guid NetworkId { get; init; }
        public string? Label { get; init; }
        public int N { get; init; }
    }

    private sealed class TaskCounts
    {
        public Guid NetworkId { get; init; }
        public int OpenCount { get; init; }
        public int OverdueCount { get; init; }
    }

    /// <summary>Health of the network <paramref name="networkId"/>, or of every network when null.</summary>
    public static async Task<IReadOnlyList<NetworkHealthDto>> ComputeAsync(DbConnection connection, Guid? networkId, DateTimeOffset now,
        DateOnly today, int lastMeetings)
    {
        var filter = networkId is null ? "" : "AND m.network_id = @networkId";
        var p = new { networkId, now, today, lastMeetings, no = false, open = nameof(AgreementStatus.Open),
            inProgress = nameof(AgreementStatus.InProgress) };
        var networks = (await connection.QueryAsync<Base>($"""
            SELECT n.id, n.name, n.kind, n.status, n.mandate, n.cadence_interval, n.cadence_unit, n.started_on, n.created_at
            FROM networks n {(networkId is null ? "" : "WHERE n.id = @networkId")}
            ORDER BY n.search_key, n.id
            """, p)).ToList();
        if (networks.Count == 0) return [];
        var last = (await connection.QueryAsync<MeetingAt>($"""
            SELECT m.network_id, MAX(m.starts_at) AS starts_at FROM meetings m
            WHERE m.is_cancelled = @no AND m.starts_at <= @now {filter} GROUP BY m.network_id
            """, p)).ToDictionary(r => r.NetworkId, r => r.StartsAt);
        var next = (await connection.QueryAsync<MeetingAt>($"""
            SELECT m.network_id, MIN(m.starts_at) AS starts_at FROM meetings m
            WHERE m.is_cancelled = @no AND m.starts_at > @now {filter} GROUP BY m.network_id
            """, p)).ToDictionary(r => r.NetworkId, r => r.StartsAt);
        // The last N meetings that took place per network (window function: portable to all three providers).
        var recent = $"""
            SELECT m.id, m.network_id, ROW_NUMBER() OVER (PARTITION BY m.network_id ORDER BY m.starts_at DESC, m.id DESC) AS rn
            FROM meetings m WHERE m.is_cancelled = @no AND m.starts_at <= @now {filter}
            """;
        var considered = (await connection.QueryAsync<Counted>($"""
            SELECT r.network_id, COUNT(*) AS n FROM ({recent}) r WHERE r.rn <= @lastMeetings GROUP BY r.network_id
            """, p)).ToDictionary(r => r.NetworkId, r => r.N);
        var attendance = (await connection.QueryAsync<Counted>($"""
            SELECT r.network_id, a.attendance AS label, COUNT(*) AS n
            FROM ({recent}) r JOIN meeting_attendance a ON a.meeting_id = r.id
            WHERE r.rn <= @lastMeetings GROUP BY r.network_id, a.attendance
            """, p)).ToLookup(r => r.NetworkId);
        var tasks = (await connection.QueryAsync<TaskCounts>($"""
            SELECT t.network_id,
                   SUM(CASE WHEN t.status IN (@open, @inProgress) THEN 1 ELSE 0 END) AS open_count,
                   SUM(CASE WHEN t.status IN (@open, @inProgress) AND t.due_date < @today THEN 1 ELSE 0 END) AS overdue_count
            FROM tasks t {(networkId is null ? "" : "WHERE t.network_id = @networkId")} GROUP BY t.network_id
            """, p)).ToDictionary(r => r.NetworkId);

        return networks.Select(n =>
        {
            var records = attendance[n.Id].ToList();
            var recorded = records.Sum(r => r.N);
            var present = records.Where(r => r.Label == nameof(Attendance.Present)).Sum(r => r.N);
            var counts = tasks.GetValueOrDefault(n.Id);
            var lastAt = last.TryGetValue(n.Id, out var l) ? l : (DateTimeOffset?)null;
            var facts = new NetworkHealthFacts
            {
                Status = n.Status,
                Mandate = n.Mandate,
                CadenceInterval = n.CadenceInterval,
                CadenceUnit = n.CadenceUnit,
                LastMeetingOn = lastAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
                Since = n.StartedOn ?? DateOnly.FromDateTime(n.CreatedAt.UtcDateTime),
                OverdueAgreements = counts?.OverdueCount ?? 0,
                AttendanceRate = recorded == 0 ? null : (double)present / recorded,
            };
            var reasons = NetworkHealthRules.Reasons(facts, today);
            var dueBy = NetworkHealthRules.MeetingDueBy(facts);
            return new NetworkHealthDto
            {
                NetworkId = n.Id,
                NetworkName = n.Name,
                Kind = n.Kind,
                Status = n.Status,
                LastMeetingAt = lastAt,
                NextMeetingAt = next.TryGetValue(n.Id, out var nx) ? nx : null,
                MeetingsConsidered = considered.GetValueOrDefault(n.Id),
                AttendanceRate = facts.AttendanceRate,
                OpenAgreements = counts?.OpenCount ?? 0,
                OverdueAgreements = facts.OverdueAgreements,
                MandateMissing = string.IsNullOrWhiteSpace(n.Mandate),
                CadenceInterval = n.CadenceInterval,
                CadenceUnit = n.CadenceUnit,
                MeetingDueBy = dueBy,
                MeetingOverdue = reasons.Contains(AttentionReason.MeetingOverdue),
                NeedsAttention = reasons.Count > 0,
                Reasons = reasons,
            };
        }).ToList();
    }
}
