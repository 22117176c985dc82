using Raumnetz.Domain.Networks;

namespace Raumnetz.UnitTests.Networks;

public sealed class NetworkRulesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");

    [Fact]
    public void Links_to_itself_or_back_through_others_are_cycles()
    {
        var self = NetworkLinkRules.FindCycle(A, [A], []);
        Assert.Equal(0, self?.Index);
        Assert.Equal([A, A], self?.Path);
        // B → C → A exists; A → B closes A → B → C → A.
        var cycle = NetworkLinkRules.FindCycle(A, [D, B], [(B, C), (C, A)]);
        Assert.Equal(1, cycle?.Index);
        Assert.Equal([A, B, C, A], cycle?.Path);
        Assert.Null(NetworkLinkRules.FindCycle(A, [B, C], [(B, C), (C, D)]));
        // A's own old links do not count: they are being replaced.
        Assert.Null(NetworkLinkRules.FindCycle(A, [B], [(A, C), (C, B)]));
        // Existing cycles elsewhere do not hang the search.
        Assert.Null(NetworkLinkRules.FindCycle(A, [B], [(B, C), (C, B), (C, D)]));
    }

    [Theory]
    [InlineData("2024-01-01", null, "2024-06-01", null, true)]
    [InlineData("2024-01-01", "2024-05-31", "2024-06-01", null, false)]
    [InlineData("2024-01-01", "2024-06-01", "2024-06-01", null, true)] // inclusive ends touch
    [InlineData("2024-07-01", null, "2024-01-01", "2024-06-30", false)]
    [InlineData("2024-03-01", "2024-03-31", "2024-01-01", "2024-12-31", true)]
    public void Membership_periods_overlap_inclusively(string from1, string? to1, string from2, string? to2, bool overlap)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s);
        Assert.Equal(overlap, MembershipRules.Overlaps(D(from1)!.Value, D(to1), D(from2)!.Value, D(to2)));
        Assert.Equal(overlap, MembershipRules.Overlaps(D(from2)!.Value, D(to2), D(from1)!.Value, D(to1)));
    }

    [Fact]
    public void Membership_state_and_problems()
    {
        var day = new DateOnly(2024, 6, 1);
        Assert.Equal(MembershipState.Current, MembershipRules.StateOn(day, day, day));
        Assert.Equal(MembershipState.Past, MembershipRules.StateOn(day.AddDays(-9), day.AddDays(-1), day));
        Assert.Equal(MembershipState.Future, MembershipRules.StateOn(day.AddDays(1), null, day));
        Assert.Equal("delegatedFromNetworkId", MembershipRules.Problem(A, MemberRole.Delegate, null, day, null)?.Field);
        Assert.Equal("delegatedFromNetworkId", MembershipRules.Problem(A, MemberRole.Member, B, day, null)?.Field);
        Assert.Equal("delegatedFromNetworkId", MembershipRules.Problem(A, MemberRole.Delegate, A, day, null)?.Field);
        Assert.Equal("validTo", MembershipRules.Problem(A, MemberRole.Member, null, day, day.AddDays(-1))?.Field);
        Assert.Null(MembershipRules.Problem(A, MemberRole.Delegate, B, day, day));
    }

    [Fact]
    public void Status_needs_matching_end_date()
    {
        Assert.NotNull(NetworkRules.StatusProblem(NetworkStatus.Ended, null, null));
        Assert.NotNull(NetworkRules.StatusProblem(NetworkStatus.Active, null, new DateOnly(2024, 1, 1)));
        Assert.NotNull(NetworkRules.StatusProblem(NetworkStatus.Ended, new DateOnly(2024, 2, 1), new DateOnly(2024, 1, 1)));
        Assert.Null(NetworkRules.StatusProblem(NetworkStatus.Ended, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1)));
        Assert.Null(NetworkRules.StatusProblem(NetworkStatus.Planned, null, null));
    }

    [Fact]
    public void A_meeting_is_overdue_after_twice_the_cadence()
    {
        var last = new DateOnly(2024, 1, 15);
        Assert.Equal(new DateOnly(2024, 7, 15), NetworkRules.DueBy(last, 3, CadenceUnit.Months));
        Assert.Equal(new DateOnly(2024, 2, 12), NetworkRules.DueBy(last, 2, CadenceUnit.Weeks));
        var facts = new NetworkHealthFacts { Status = NetworkStatus.Active, Mandate = "m", CadenceInterval = 3,
            CadenceUnit = CadenceUnit.Months, LastMeetingOn = last, Since = new DateOnly(2020, 1, 1) };
        Assert.Empty(NetworkHealthRules.Reasons(facts, new DateOnly(2024, 7, 15)));
        Assert.Equal([AttentionReason.MeetingOverdue], NetworkHealthRules.Reasons(facts, new DateOnly(2024, 7, 16)));
        // Without any meeting the clock starts with the network.
        Assert.Equal(new DateOnly(2020, 7, 1), NetworkHealthRules.MeetingDueBy(facts with { LastMeetingOn = null }));
        Assert.Null(NetworkHealthRules.MeetingDueBy(facts with { CadenceInterval = null, CadenceUnit = null }));
    }

    [Fact]
    public void Health_reasons_by_status()
    {
        var today = new DateOnly(2024, 6, 1);
        var sick = new NetworkHealthFacts
        {
            Status = NetworkStatus.Active, Mandate = " ", CadenceInterval = 1, CadenceUnit = CadenceUnit.Months,
            LastMeetingOn = new DateOnly(2023, 1, 1),
            Since = new DateOnly(2020, 1, 1), OverdueAgreements = 2, AttendanceRate = 0.49,
        };
        Assert.Equal(
            [AttentionReason.MandateMissing, AttentionReason.MeetingOverdue, AttentionReason.OverdueAgreements,
                AttentionReason.LowAttendance],
            NetworkHealthRules.Reasons(sick, today));
        Assert.Empty(
            NetworkHealthRules.Reasons(sick with { AttendanceRate = 0.5, Mandate = "x", OverdueAgreements = 0, LastMeetingOn = today },
                today));
        Assert.Equal([AttentionReason.MandateMissing], NetworkHealthRules.Reasons(sick with { Status = NetworkStatus.Paused }, today));
        Assert.Equal([AttentionReason.MandateMissing], NetworkHealthRules.Reasons(sick with { Status = NetworkStatus.Planned }, today));
        Assert.Empty(NetworkHealthRules.Reasons(sick with { Status = NetworkStatus.Ended }, today));
    }

    [Fact]
    public void Agreements_are_overdue_only_while_open()
    {
        var today = new DateOnly(2024, 6, 1);
        Assert.True(AgreementRules.IsOverdue(AgreementStatus.Open, today.AddDays(-1), today));
        Assert.True(AgreementRules.IsOverdue(AgreementStatus.InProgress, today.AddDays(-1), today));
        Assert.False(AgreementRules.IsOverdue(AgreementStatus.Open, today, today));
        Assert.False(AgreementRules.IsOverdue(AgreementStatus.Done, today.AddDays(-1), today));
        Assert.False(AgreementRules.IsOverdue(AgreementStatus.Dropped, today.AddDays(-1), today));
        Assert.False(AgreementRules.IsOverdue(AgreementStatus.Open, null, today));
    }
}
