namespace Raumnetz.Domain.Identity;

/// <summary>What a scoped role grant reaches.</summary>
public enum GrantScope
{
    /// <summary>One network: the network itself, its members, meetings and agreements (tasks).</summary>
    Network = 1,

    /// <summary>
    /// A space and its whole subtree: spaces, observations, assessments and inventory records (locations, services, fundings).
    /// </summary>
    Space = 2,
}

/// <summary>
/// A role held for one network or one space subtree, besides the global role of a user or an API key. A grant adds rights,
/// it never takes any away: a global editor writes everywhere whatever grants it holds, and a viewer with a grant
/// "coordinator of network X" writes to X and nothing else. The roles a grant may carry are <see cref="Role.Editor"/> and
/// <see cref="Role.Coordinator"/>; within the scope both write.
/// </summary>
public sealed record RoleGrant(Role Role, GrantScope Scope, Guid TargetId)
{
    /// <summary>The roles a grant may carry.</summary>
    public static bool IsGrantable(Role role) => role is Role.Editor or Role.Coordinator;

    /// <summary>Whether the global role writes everywhere (editors, coordinators, administrators).</summary>
    public static bool WritesEverywhere(Role? role) => role is Role.Editor or Role.Coordinator or Role.Admin;
}
