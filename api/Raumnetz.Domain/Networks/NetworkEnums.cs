namespace Raumnetz.Domain.Networks;

/// <summary>Kinds of networks (bodies) in socio-spatial work.</summary>
public enum NetworkKind
{
    /// <summary>Lenkrunde / Lenkungsgruppe: decides and steers; focus groups send delegates to it.</summary>
    SteeringGroup = 1,
    /// <summary>Fokusgruppe: experts, volunteers and residents for one topic (education, culture and leisure ...).</summary>
    FocusGroup = 2,
    /// <summary>Arbeitsgemeinschaft / Arbeitsgruppe: works on a task and reports to a body.</summary>
    WorkingGroup = 3,
    /// <summary>Sozialraumkonferenz.</summary>
    SocialSpaceConference = 4,
    /// <summary>Beirat.</summary>
    AdvisoryBoard = 5,
    /// <summary>Bündnis.</summary>
    Alliance = 6,
    /// <summary>Ausschuss, Trägerversammlung, Trägerausschuss.</summary>
    Committee = 7,
    Other = 99,
}

public enum NetworkStatus
{
    Planned = 1,
    Active = 2,
    Paused = 3,
    Ended = 4,
}

/// <summary>What a network does (Verhandlungs-, Koordinations-, Implementierungsfunktion).</summary>
public enum NetworkFunction
{
    Negotiation = 1,
    Coordination = 2,
    Implementation = 3,
}

/// <summary>Unit of a meeting cadence ("every 3 months").</summary>
public enum CadenceUnit
{
    Weeks = 1,
    Months = 2,
}

/// <summary>Directed links between networks; together they must not form a cycle.</summary>
public enum NetworkLinkType
{
    /// <summary>The source sends delegates to the target (a focus group to the steering group).</summary>
    DelegatesTo = 1,
    /// <summary>The source reports to the target (a working group to a body).</summary>
    ReportsTo = 2,
}

/// <summary>The role of an actor in a network.</summary>
public enum MemberRole
{
    Coordinator = 1,
    Member = 2,
    /// <summary>Sent by another network (delegatedFromNetworkId).</summary>
    Delegate = 3,
    Guest = 4,
    Advisor = 5,
}

/// <summary>Where a membership stands on a day.</summary>
public enum MembershipState
{
    Current = 1,
    Past = 2,
    Future = 3,
}

/// <summary>Attendance of a member at a meeting.</summary>
public enum Attendance
{
    Present = 1,
    Excused = 2,
    Absent = 3,
}

/// <summary>Status of an agreement (Verabredung).</summary>
public enum AgreementStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Dropped = 4,
}

/// <summary>Why a network needs attention.</summary>
public enum AttentionReason
{
    /// <summary>No mandate is recorded: nobody can say why the network meets.</summary>
    MandateMissing = 1,
    /// <summary>No meeting took place for more than twice the cadence.</summary>
    MeetingOverdue = 2,
    /// <summary>Agreements are past their due date and not done or dropped.</summary>
    OverdueAgreements = 3,
    /// <summary>Fewer than half of the recorded attendances over the last meetings were "present".</summary>
    LowAttendance = 4,
}
