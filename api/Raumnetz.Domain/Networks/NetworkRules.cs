using Raumnetz.Domain.Common;
namespace Raumnetz.Domain.Networks;

public static class NetworkRules
{
    /// <summary>Status and end date belong together: an ended network has an end date, and only an ended one.</summary>
    public static string? StatusProblem(NetworkStatus status, DateOnly? startedOn, DateOnly? endedOn)
    {
        if (status == NetworkStatus.Ended && endedOn is null) return Messages.Network_EndedNeedsDate;
        if (status != NetworkStatus.Ended && endedOn is not null) return Messages.Network_EndedOnOnlyEnded;
        if (startedOn is not null && endedOn is not null && endedOn < startedOn) return Messages.Network_EndedBeforeStarted;
        return null;
    }

    /// <summary>The day after which a meeting is overdue: <paramref name="times"/> cadences after <paramref name="since"/>.</summary>
    public static DateOnly DueBy(DateOnly since, int interval, CadenceUnit unit, int times = 2) => unit switch
    {
        CadenceUnit.Weeks => since.AddDays(7 * interval * times),
        _ => since.AddMonths(interval * times),
    };
}

public static class MembershipRules
{
    /// <summary>Whether two inclusive periods overlap; a missing end is open.</summary>
    public static bool Overlaps(DateOnly from1, DateOnly? to1, DateOnly from2, DateOnly? to2)
        => from1 <= (to2 ?? DateOnly.MaxValue) && from2 <= (to1 ?? DateOnly.MaxValue);

    public static MembershipState StateOn(DateOnly validFrom, DateOnly? validTo, DateOnly day)
        => day < validFrom ? MembershipState.Future : validTo is { } to && to < day ? MembershipState.Past : MembershipState.Current;

    /// <summary>Field and message of the first rule a membership breaks, or null.</summary>
    public static (string Field, string Message)? Problem(Guid networkId, MemberRole role, Guid? delegatedFromNetworkId, DateOnly validFrom,
        DateOnly? validTo)
    {
        if (validTo is { } to && to < validFrom) return ("validTo", Messages.Member_ValidToBeforeFrom);
        if (role == MemberRole.Delegate && delegatedFromNetworkId is null)
            return ("delegatedFromNetworkId", Messages.Member_DelegateNeedsNetwork);
        if (role != MemberRole.Delegate && delegatedFromNetworkId is not null)
            return ("delegatedFromNetworkId", Messages.Member_OnlyDelegates);
        if (delegatedFromNetworkId == networkId)
            return ("delegatedFromNetworkId", Messages.Member_DelegateSelf);
        return null;
    }
}

public static class NetworkLinkRules
{
    /// <summary>
    /// Checks the outgoing links a network is to have against every other link: returns the index (in
    /// <paramref name="targets"/>) of the first target that is the network itself or from which the network can be
    /// reached again (a cycle: the network would delegate or report to itself), with the path; null when acyclic.
    /// </summary>
    public static (int Index, IReadOnlyList<Guid> Path)? FindCycle(Guid networkId, IReadOnlyList<Guid> targets,
        IEnumerable<(Guid Source, Guid Target)> otherLinks)
    {
        var next = new Dictionary<Guid, List<Guid>>();
        foreach (var (source, target) in otherLinks)
        {
            if (source == networkId) continue; // the network's own links are being replaced
            if (!next.TryGetValue(source, out var list)) next[source] = list = [];
            list.Add(target);
        }
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] == networkId) return (i, [networkId, networkId]);
            // Depth-first search from the target back to the network, remembering where we came from.
            var cameFrom = new Dictionary<Guid, Guid> { [targets[i]] = networkId };
            var stack = new Stack<Guid>([targets[i]]);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!next.TryGetValue(node, out var successors)) continue;
                foreach (var s in successors)
                {
                    if (s == networkId)
                    {
                        var path = new List<Guid> { networkId };
                        for (var n = node; n != networkId; n = cameFrom[n]) path.Add(n);
                        path.Add(networkId);
                        path.Reverse(1, path.Count - 2);
                        return (i, path);
                    }
                    if (cameFrom.TryAdd(s, node)) stack.Push(s);
                }
            }
        }
        return null;
    }
}

public static class AgreementRules
{
    /// <summary>An agreement is overdue when its due date has passed and it is neither done nor dropped.</summary>
    public static bool IsOverdue(AgreementStatus status, DateOnly? dueDate, DateOnly today)
        => dueDate is { } due && due < today && status is AgreementStatus.Open or AgreementStatus.InProgress;
}

/// <summary>The facts the health of a network is judged by.</summary>
public sealed record NetworkHealthFacts
{
    public NetworkStatus Status { get; init; }
    public string? Mandate { get; init; }
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    /// <summary>Day of the last meeting that took place (not cancelled, already begun).</summary>
    public DateOnly? LastMeetingOn { get; init; }
    /// <summary>When the network began (start date, else the day it was recorded): the clock starts here without meetings.</summary>
    public DateOnly Since { get; init; }
    public int OverdueAgreements { get; init; }
    /// <summary>Share of "present" among the recorded attendances over the last meetings; null without records.</summary>
    public double? AttendanceRate { get; init; }
}

public static class NetworkHealthRules
{
    /// <summary>Below this share of "present" attendance the network needs attention.</summary>
    public const double LowAttendance = 0.5;

    /// <summary>The day by which the next meeting should have taken place: twice the cadence after the last one (null without
    /// cadence).</summary>
    public static DateOnly? MeetingDueBy(NetworkHealthFacts f) =>
        f.CadenceInterval is { } interval && f.CadenceUnit is { } unit ? NetworkRules.DueBy(f.LastMeetingOn ?? f.Since, interval, unit)
            : null;

    /// <summary>The reasons a network needs attention on <paramref name="today"/>; ended and planned networks only for a missing
    /// mandate.</summary>
    public static IReadOnlyList<AttentionReason> Reasons(NetworkHealthFacts f, DateOnly today)
    {
        var reasons = new List<AttentionReason>();
        if (f.Status == NetworkStatus.Ended) return reasons;
        if (string.IsNullOrWhiteSpace(f.Mandate)) reasons.Add(AttentionReason.MandateMissing);
        if (f.Status != NetworkStatus.Active) return reasons;
        if (MeetingDueBy(f) is { } due && due < today) reasons.Add(AttentionReason.MeetingOverdue);
        if (f.OverdueAgreements > 0) reasons.Add(AttentionReason.OverdueAgreements);
        if (f.AttendanceRate is { } rate && rate < LowAttendance) reasons.Add(AttentionReason.LowAttendance);
        return reasons;
    }
}
