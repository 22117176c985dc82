using Raumnetz.Domain.Common;
namespace Raumnetz.Domain.Actors;

public enum ActorKind
{
    Organisation = 1,
    Person = 2,
}

/// <summary>The three sectors network work brings together.</summary>
public enum Sector
{
    Public = 1,
    CivilSociety = 2,
    PrivateEconomy = 3,
}

public static class ActorRules
{
    /// <summary>A person belongs to an organisation; an organisation may belong to an umbrella organisation. Never to itself.</summary>
    public static string? ParentProblem(ActorKind kind, Guid? selfId, Guid? parentId, ActorKind? parentKind)
    {
        if (parentId is null) return null;
        if (selfId is not null && parentId == selfId) return Messages.Actor_OwnParent;
        if (parentKind is null) return Messages.Actor_ParentMissing;
        if (parentKind != ActorKind.Organisation)
            return kind == ActorKind.Person ? Messages.Actor_PersonParent
                : Messages.Actor_UmbrellaOrganisation;
        return null;
    }

    /// <summary>
    /// Umbrella chains must not loop: <paramref name="parentChain"/> is the new parent followed by its ancestors,
    /// and the actor itself must not be among them.
    /// </summary>
    public static string? CycleProblem(Guid selfId, IEnumerable<Guid> parentChain) =>
        parentChain.Contains(selfId) ? Messages.Actor_ParentLoop
            : null;

    /// <summary>Only organisations have members: an actor that others belong to cannot become a person.</summary>
    public static string? KindProblem(ActorKind kind, long memberCount) =>
        kind == ActorKind.Person && memberCount > 0
            ? Text.Format(Messages.Actor_HasMembers, memberCount)
            : null;
}

public static class RelationRules
{
    public static string? Problem(Guid source, Guid target, DateOnly? from, DateOnly? to) =>
        SelfProblem(source, target) ?? PeriodProblem(from, to);

    public static string? SelfProblem(Guid source, Guid target) =>
        source == target ? Messages.Relation_Self : null;

    public static string? PeriodProblem(DateOnly? from, DateOnly? to) =>
        from is not null && to is not null && to < from ? Messages.Relation_EndBeforeStart : null;
}

/// <summary>How a relation points, seen from one actor: it starts there (outgoing) or ends there (incoming).</summary>
public enum RelationDirection
{
    Outgoing = 1,
    Incoming = 2,
}

/// <summary>Kinds of directed relations between actors.</summary>
public enum RelationType
{
    /// <summary>Kooperationsvereinbarung.</summary>
    CooperationAgreement = 1,
    /// <summary>Förderung: the source funds the target.</summary>
    Funding = 2,
    /// <summary>Mitgliedschaft im Dachverband: the source belongs to the umbrella target.</summary>
    UmbrellaMembership = 3,
    /// <summary>Entsendung: the source delegates people to the target.</summary>
    Delegation = 4,
    /// <summary>Mitgliedschaft: the source is a member of the target.</summary>
    Membership = 5,
    /// <summary>Partnerschaft.</summary>
    Partnership = 6,
    /// <summary>Leistungsvertrag: the source commissions a service from the target.</summary>
    ServiceContract = 7,
    /// <summary>Trägerschaft: the source operates the target.</summary>
    Operation = 8,
    Other = 99,
}
