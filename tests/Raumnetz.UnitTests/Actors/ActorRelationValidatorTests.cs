using Raumnetz.Application.ActorRelations;
using Raumnetz.Domain.Actors;

namespace Raumnetz.UnitTests.Actors;

public sealed class ActorRelationValidatorTests
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private static CreateActorRelationCommand Valid() => new()
    {
        SourceActorId = A, TargetActorId = B, Type = RelationType.CooperationAgreement, IsContractual = true,
        ValidFrom = new DateOnly(2024, 1, 1), ValidTo = new DateOnly(2026, 12, 31), Note = "Kooperationsvertrag",
    };

    private static List<string> Errors(CreateActorRelationCommand command) =>
        new CreateActorRelationValidator().Validate(command).Errors.Select(e => e.PropertyName).Distinct().ToList();

    [Fact]
    public void Complete_relation_is_valid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void Open_relation_without_dates_is_valid()
        => Assert.Empty(Errors(Valid() with { ValidFrom = null, ValidTo = null, Note = null }));

    public static TheoryData<string, CreateActorRelationCommand> Invalid => new()
    {
        { "SourceActorId", Valid() with { SourceActorId = Guid.Empty } },
        { "TargetActorId", Valid() with { TargetActorId = Guid.Empty } },
        { "TargetActorId", Valid() with { TargetActorId = A } },
        { "Type", Valid() with { Type = default } },
        { "Type", Valid() with { Type = (RelationType)42 } },
        { "ValidTo", Valid() with { ValidTo = new DateOnly(2023, 12, 31) } },
        { "Note", Valid() with { Note = new string('n', 4001) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_field_is_reported_by_name(string field, CreateActorRelationCommand command) =>
        Assert.Equal([field], Errors(command));

    [Fact]
    public void Self_relation_message_comes_from_the_domain_rule()
    {
        var error = Assert.Single(new CreateActorRelationValidator().Validate(Valid() with { TargetActorId = A }).Errors);
        Assert.Equal(RelationRules.SelfProblem(A, A), error.ErrorMessage);
    }

    [Fact]
    public void Update_uses_the_same_rules() =>
        Assert.Equal(["ValidTo"], new UpdateActorRelationValidator().Validate(new UpdateActorRelationCommand
        {
            SourceActorId = A, TargetActorId = B, Type = RelationType.Funding, ValidFrom = new DateOnly(2024, 6, 1),
            ValidTo = new DateOnly(2024, 5, 31),
        }).Errors.Select(e => e.PropertyName));
}
