using Raumnetz.Domain.Inventory;

namespace Raumnetz.UnitTests.Inventory;

public sealed class InventoryRoundRulesTests
{
    private static readonly Guid Operator = Guid.NewGuid();

    private static ServiceSnapshot S(Guid id, long version, string status = "active", string name = "Kita Sonnenschein",
        bool archived = false,
        Guid? op = null) => new(id, name, status, op ?? Operator, version, archived, null);

    [Fact]
    public void Progress_tells_new_closed_changed_verified_and_pending_apart()
    {
        var id = Guid.NewGuid();
        Assert.Equal(RoundServiceProgress.New, InventoryRoundRules.Progress(null, S(id, 1), 0));
        Assert.Equal(RoundServiceProgress.Closed, InventoryRoundRules.Progress(S(id, 3), S(id, 4, "defunct"), 0));
        Assert.Equal(RoundServiceProgress.Closed, InventoryRoundRules.Progress(S(id, 3), S(id, 4, archived: true), 0));
        Assert.Equal(RoundServiceProgress.Changed, InventoryRoundRules.Progress(S(id, 3), S(id, 5), 1));
        Assert.Equal(RoundServiceProgress.Verified, InventoryRoundRules.Progress(S(id, 3), S(id, 5), 2));
        Assert.Equal(RoundServiceProgress.Pending, InventoryRoundRules.Progress(S(id, 3), S(id, 3), 0));
    }

    [Fact]
    public void The_change_report_lists_added_changed_closed_and_removed_with_fields()
    {
        var (same, verifiedOnly, renamed, closed, gone, added) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(),
            Guid.NewGuid(), Guid.NewGuid());
        var before = new[] { S(same, 1), S(verifiedOnly, 1), S(renamed, 1), S(closed, 1), S(gone, 1) };
        var after = new[] { S(same, 1), S(verifiedOnly, 2), S(renamed, 2, name: "Kita Regenbogen", op: Guid.NewGuid()), S(closed, 2,
            "inactive"), S(added, 1) };
        var changes = InventoryRoundRules.Compare(before, after, new Dictionary<Guid,
            int> { [verifiedOnly] = 1 }).ToDictionary(c => c.ServiceId);
        Assert.Equal(4, changes.Count);
        Assert.Equal(ServiceChange.Changed, changes[renamed].Change);
        Assert.Equal(["name", "operator"], changes[renamed].Fields);
        Assert.Equal(ServiceChange.Closed, changes[closed].Change);
        Assert.Equal(ServiceChange.Removed, changes[gone].Change);
        Assert.Equal(ServiceChange.Added, changes[added].Change);
        Assert.False(changes.ContainsKey(verifiedOnly));
        Assert.False(changes.ContainsKey(same));
    }
}
