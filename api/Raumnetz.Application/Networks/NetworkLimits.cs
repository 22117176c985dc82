namespace Raumnetz.Application.Networks;

/// <summary>Size limits of networks, meetings and agreements (part of the contract, published through the validators).</summary>
public static class NetworkLimits
{
    public const int Mandate = 4000;
    public const int Goal = 500;
    public const int Goals = 20;
    public const int Functions = 3;
    public const int Links = 50;
    public const int MaxCadenceInterval = 52;
    public const int Agenda = 10_000;
    public const int Minutes = 100_000;
    public const int Location = 500;
    public const int Decision = 2000;
    public const int Decisions = 50;
    public const int Attendance = 500;
    public const int Responsibles = 20;
    /// <summary>Meetings counted for the attendance rate by default, and at most.</summary>
    public const int HealthMeetings = 5;
    public const int MaxHealthMeetings = 50;
}
