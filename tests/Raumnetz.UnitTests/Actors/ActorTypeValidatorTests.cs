using Raumnetz.Application.ActorTypes;

namespace Raumnetz.UnitTests.Actors;

public sealed class ActorTypeValidatorTests
{
    [Theory]
    [InlineData("family-centre")]
    [InlineData("B2")]
    [InlineData("type.sub_1")]
    public void Valid_codes_pass(string code) =>
        Assert.True(new CreateActorTypeValidator()
            .Validate(new CreateActorTypeCommand { Code = code, NameDe = "Familienzentrum", NameEn = "Family centre" }).IsValid);

    [Theory]
    [InlineData("Code", "", "A", "B")]
    [InlineData("Code", "with space", "A", "B")]
    [InlineData("Code", "-leading", "A", "B")]
    [InlineData("Code", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "A", "B")]
    [InlineData("NameDe", "ok", "", "B")]
    [InlineData("NameEn", "ok", "A", " ")]
    public void Invalid_field_is_reported_by_name(string field, string code, string nameDe, string nameEn) =>
        Assert.Equal([field], new CreateActorTypeValidator()
            .Validate(new CreateActorTypeCommand { Code = code, NameDe = nameDe, NameEn = nameEn })
            .Errors.Select(e => e.PropertyName).Distinct());

    [Fact]
    public void Names_are_limited_to_200_characters() =>
        Assert.Equal(["NameDe"], new UpdateActorTypeValidator()
            .Validate(new UpdateActorTypeCommand { NameDe = new string('x', 201), NameEn = "ok" })
            .Errors.Select(e => e.PropertyName));
}
