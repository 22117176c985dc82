namespace Raumnetz.Domain.Identity;

/// <summary>
/// Growing delays after failed sign-ins, counted per e-mail address (as entered) and client address. Accounts are never
/// locked as such: failures from one address slow down only that address for that e-mail, so nobody can lock a user out
/// from everywhere, and the same rule applies whether an account with that e-mail exists or not.
/// </summary>
public static class SignInThrottle
{
    /// <summary>Failures answered at once (typos); the next ones each wait longer.</summary>
    public const int FreeFailures = 4;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    /// <summary>A count whose last failure is older than this starts again from zero.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the pair waits after its <paramref name="failures"/>-th failure in a row: nothing for the first four,
    /// then 30 s after the fifth, doubling with each further failure up to 15 minutes.
    /// </summary>
    public static TimeSpan DelayAfter(int failures)
    {
        if (failures <= FreeFailures) return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures - 1, 10);
        var delay = FirstDelay * (1 << doublings);
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
