namespace Raumnetz.Domain.Inventory;

public enum InventoryRoundStatus
{
    /// <summary>Under way: the responsible actors verify and correct their services.</summary>
    Open = 1,
    /// <summary>Finished: its final state is kept, later rounds compare against it.</summary>
    Closed = 2,
}

/// <summary>Where one service stands in a round (Bestandsaufnahme).</summary>
public enum RoundServiceProgress
{
    /// <summary>Nothing done yet in this round.</summary>
    Pending = 1,
    /// <summary>Verified in this round without other changes.</summary>
    Verified = 2,
    /// <summary>Its record was changed in this round.</summary>
    Changed = 3,
    /// <summary>Closed in this round: status inactive or defunct, or archived.</summary>
    Closed = 4,
    /// <summary>Recorded during the round (not in the inventory when it began).</summary>
    New = 5,
}

/// <summary>What happened to a service between two states of the inventory (the change report of a round).</summary>
public enum ServiceChange
{
    Added = 1,
    Changed = 2,
    Closed = 3,
    /// <summary>No longer in the region (moved away, or deleted).</summary>
    Removed = 4,
}

/// <summary>What a round remembers of a service: enough to tell whether it was verified, changed, closed or is new.</summary>
public sealed record ServiceSnapshot(Guid ServiceId, string Name, string Status, Guid? OperatorActorId, long Version, bool Archived,
    DateOnly? VerifiedOn)
{
    /// <summary>Inactive, defunct or archived services count as closed.</summary>
    public bool IsClosed => Archived || Status.Equals("inactive", StringComparison.OrdinalIgnoreCase)
        || Status.Equals("defunct", StringComparison.OrdinalIgnoreCase);
}

public static class InventoryRoundRules
{
    /// <summary>
    /// The progress of one service in a round: <paramref name="start"/> is what the round found when it began (null: the
    /// service came later), <paramref name="now"/> what it is now, <paramref name="verifications"/> how often it was verified
    /// during the round (each verification raises the version by one, so only versions beyond those are changes).
    /// </summary>
    public static RoundServiceProgress Progress(ServiceSnapshot? start, ServiceSnapshot now, int verifications)
    {
        if (start is null) return RoundServiceProgress.New;
        if (now.IsClosed && !start.IsClosed) return RoundServiceProgress.Closed;
        if (now.Version - start.Version > verifications) return RoundServiceProgress.Changed;
        return verifications > 0 ? RoundServiceProgress.Verified : RoundServiceProgress.Pending;
    }

    /// <summary>
    /// The changes between an earlier and a later state of the services of a region, with the fields that differ
    /// (name, status, operator) for a changed one; a service whose version moved only by verifications is unchanged.
    /// </summary>
    public static IReadOnlyList<(Guid ServiceId, ServiceChange Change, IReadOnlyList<string> Fields)> Compare(
        IReadOnlyCollection<ServiceSnapshot> before, IReadOnlyCollection<ServiceSnapshot> after,
        IReadOnlyDictionary<Guid, int> verificationsBetween)
    {
        var earlier = before.ToDictionary(s => s.ServiceId);
        var later = after.ToDictionary(s => s.ServiceId);
        var changes = new List<(Guid, ServiceChange, IReadOnlyList<string>)>();
        foreach (var now in after)
        {
            if (!earlier.TryGetValue(now.ServiceId, out var then))
            {
                changes.Add((now.ServiceId, ServiceChange.Added, []));
                continue;
            }
            if (now.IsClosed && !then.IsClosed)
            {
                changes.Add((now.ServiceId, ServiceChange.Closed, Fields(then, now)));
                continue;
            }
            var fields = Fields(then, now);
            var verified = verificationsBetween.GetValueOrDefault(now.ServiceId);
            if (fields.Count > 0 || now.Version - then.Version > verified)
                changes.Add((now.ServiceId, ServiceChange.Changed, fields.Count > 0 ? fields : ["other"]));
        }
        foreach (var then in before.Where(b => !later.ContainsKey(b.ServiceId)))
            changes.Add((then.ServiceId, ServiceChange.Removed, []));
        return changes;
    }

    private static List<string> Fields(ServiceSnapshot a, ServiceSnapshot b)
    {
        var fields = new List<string>();
        if (a.Name != b.Name) fields.Add("name");
        if (a.Status != b.Status) fields.Add("status");
        if (a.OperatorActorId != b.OperatorActorId) fields.Add("operator");
        if (a.Archived != b.Archived) fields.Add("archived");
        return fields;
    }
}
