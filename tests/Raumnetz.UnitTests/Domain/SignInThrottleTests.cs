using Raumnetz.Domain.Identity;

namespace Raumnetz.UnitTests.Domain;

public sealed class SignInThrottleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(8, 240)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(11, 900)]
    [InlineData(1000, 900)]
    [InlineData(int.MaxValue, 900)]
    public void Four_failures_are_free_then_the_wait_doubles_from_30_seconds_up_to_15_minutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.DelayAfter(failures));
}
