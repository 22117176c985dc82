using Raumnetz.Domain.Actors;

namespace Raumnetz.UnitTests.Actors;

public sealed class ActorRulesTests
{
    private static readonly Guid Self = Guid.CreateVersion7();
    private static readonly Guid Other = Guid.CreateVersion7();

    [Theory]
    [InlineData(ActorKind.Organisation)]
    [InlineData(ActorKind.Person)]
    public void No_parent_is_always_fine(ActorKind kind) =>
        Assert.Null(ActorRules.ParentProblem(kind, Self, null, null));

    [Theory]
    [InlineData(ActorKind.Organisation)]
    [InlineData(ActorKind.Person)]
    public void Organisation_parent_is_fine_for_both_kinds(ActorKind kind) =>
        Assert.Null(ActorRules.ParentProblem(kind, Self, Other, ActorKind.Organisation));

    [Fact]
    public void Actor_cannot_belong_to_itself() =>
        Assert.NotNull(ActorRules.ParentProblem(ActorKind.Organisation, Self, Self, ActorKind.Organisation));

    [Fact]
    public void Missing_parent_is_a_problem() =>
        Assert.Contains("does not exist", ActorRules.ParentProblem(ActorKind.Person, null, Other, null));

    [Fact]
    public void Person_cannot_belong_to_a_person() =>
        Assert.Contains("person belongs to an organisation", ActorRules.ParentProblem(ActorKind.Person, Self, Other, ActorKind.Person));

    [Fact]
    public void Umbrella_must_be_an_organisation() =>
        Assert.Contains("umbrella", ActorRules.ParentProblem(ActorKind.Organisation, null, Other, ActorKind.Person));

    [Fact]
    public void Chain_without_the_actor_is_no_cycle() =>
        Assert.Null(ActorRules.CycleProblem(Self, [Other, Guid.CreateVersion7()]));

    [Fact]
    public void Chain_through_the_actor_is_a_cycle() =>
        Assert.NotNull(ActorRules.CycleProblem(Self, [Other, Guid.CreateVersion7(), Self]));

    [Fact]
    public void Empty_chain_is_no_cycle() =>
        Assert.Null(ActorRules.CycleProblem(Self, []));

    [Theory]
    [InlineData(ActorKind.Organisation, 0, false)]
    [InlineData(ActorKind.Organisation, 19, false)]
    [InlineData(ActorKind.Person, 0, false)]
    [InlineData(ActorKind.Person, 1, true)]
    public void Only_organisations_have_members(ActorKind kind, long members, bool problem) =>
        Assert.Equal(problem, ActorRules.KindProblem(kind, members) is not null);
}

public sealed class RelationRulesTests
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    [Fact]
    public void Relation_between_two_actors_without_dates_is_fine() =>
        Assert.Null(RelationRules.Problem(A, B, null, null));

    [Fact]
    public void Self_relation_is_refused()
    {
        Assert.NotNull(RelationRules.Problem(A, A, null, null));
        Assert.NotNull(RelationRules.SelfProblem(A, A));
        Assert.Null(RelationRules.SelfProblem(A, B));
    }

    [Theory]
    [InlineData("2024-01-01", "2024-12-31", false)]
    [InlineData("2024-01-01", "2024-01-01", false)]
    [InlineData("2024-01-02", "2024-01-01", true)]
    [InlineData(null, "2024-01-01", false)]
    [InlineData("2024-01-01", null, false)]
    public void End_must_not_lie_before_start(string? from, string? to, bool problem)
    {
        DateOnly? f = from is null ? null : DateOnly.Parse(from), t = to is null ? null : DateOnly.Parse(to);
        Assert.Equal(problem, RelationRules.PeriodProblem(f, t) is not null);
        Assert.Equal(problem, RelationRules.Problem(A, B, f, t) is not null);
    }
}
