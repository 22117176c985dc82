using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Application.Actors;
using Raumnetz.Domain.Actors;

namespace Raumnetz.UnitTests.Actors;

public sealed class ActorValidatorTests
{
    private static readonly CreateActorValidator Validator = new();

    private static CreateActorCommand Valid() => new()
    {
        Kind = ActorKind.Organisation,
        Name = "Jobcenter Potsdam-Mittelmark",
        ShortName = "JC PM",
        Type = "job-centre",
        Sector = Sector.Public,
        Email = "info@jobcenter.example",
        Phone = "+49 3381 1234",
        Website = "https://jobcenter.example/kontakt",
        Street = "Am Gutshof 1",
        PostalCode = "14542",
        City = "Werder",
        SpaceIds = [Guid.CreateVersion7()],
        Tags = ["SGB II"],
        Notes = "Vertrag mit dem Jugendamt.",
    };

    private static List<string> Errors(CreateActorCommand command) =>
        Validator.Validate(command).Errors.Select(e => e.PropertyName).Distinct().ToList();

    [Fact]
    public void Complete_actor_is_valid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void Minimal_actor_is_valid() =>
        Assert.Empty(Errors(new CreateActorCommand { Kind = ActorKind.Person, Name = "Anna", Type = "person", Sector = Sector.Public }));

    [Fact]
    public void Empty_optional_texts_are_valid() =>
        Assert.Empty(Errors(Valid() with { Email = "", Website = "", ShortName = "", Phone = "" }));

    public static TheoryData<string, CreateActorCommand> Invalid => new()
    {
        { "Kind", Valid() with { Kind = default } },
        { "Kind", Valid() with { Kind = (ActorKind)7 } },
        { "Sector", Valid() with { Sector = default } },
        { "Sector", Valid() with { Sector = (Sector)9 } },
        { "Name", Valid() with { Name = "" } },
        { "Name", Valid() with { Name = "  " } },
        { "Name", Valid() with { Name = new string('x', 201) } },
        { "ShortName", Valid() with { ShortName = new string('x', 51) } },
        { "Type", Valid() with { Type = "" } },
        { "Type", Valid() with { Type = new string('x', 51) } },
        { "Email", Valid() with { Email = "no-at-sign" } },
        { "Email", Valid() with { Email = "a@b" } },
        { "Email", Valid() with { Email = "with space@example.org" } },
        { "Email", Valid() with { Email = new string('a', 243) + "@example.org" } },
        { "Phone", Valid() with { Phone = new string('1', 51) } },
        { "Website", Valid() with { Website = "example.org" } },
        { "Website", Valid() with { Website = "mailto:info@example.org" } },
        { "Website", Valid() with { Website = "https://example.org/" + new string('a', 481) } },
        { "Street", Valid() with { Street = new string('x', 201) } },
        { "PostalCode", Valid() with { PostalCode = new string('1', 11) } },
        { "City", Valid() with { City = new string('x', 101) } },
        { "Notes", Valid() with { Notes = new string('x', 4001) } },
        { "Tags", Valid() with { Tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToList() } },
        { "Tags[1]", Valid() with { Tags = ["ok", ""] } },
        { "Tags[0]", Valid() with { Tags = [new string('x', 51)] } },
        { "SpaceIds", Valid() with { SpaceIds = Enumerable.Range(0, 201).Select(_ => Guid.NewGuid()).ToList() } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_field_is_reported_by_name(string field, CreateActorCommand command) =>
        Assert.Equal([field], Errors(command));

    [Fact]
    public void Limits_are_inclusive()
    {
        var atLimits = Valid() with
        {
            Name = new string('x', 200), ShortName = new string('x', 50), Email = new string('a', 242) + "@example.org",
            Phone = new string('1', 50),
            Website = "https://example.org/" + new string('a', 480), Street = new string('x', 200), PostalCode = new string('1', 10),
            City = new string('x', 100), Notes = new string('x', 4000), Tags = Enumerable.Range(0, 20)
                .Select(i => new string((char)('a' + i), 50)).ToList(),
            SpaceIds = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToList(),
        };
        Assert.Empty(Errors(atLimits));
    }

    [Fact]
    public void Update_uses_the_same_rules()
    {
        var update = new UpdateActorCommand { Kind = ActorKind.Organisation, Name = "", Type = "school", Sector = Sector.Public,
            Email = "x" };
        Assert.Equal(["Name", "Email"], new UpdateActorValidator().Validate(update).Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void List_query_checks_limit_cursor_and_text()
    {
        var validator = new ListActorsValidator();
        Assert.True(validator.Validate(
                new ListActorsQuery(ActorKind.Person, "school", Sector.Public, null, "x", false,
                    new ListOptions(500, null, "-name"))).IsValid);
        var errors = validator.Validate(
            new ListActorsQuery((ActorKind)5, new string('x', 51), null, null, new string('q', 201), true,
                new ListOptions(0, "not-a-cursor", "shoeSize")))
            .Errors.Select(e => e.PropertyName).ToList();
        Assert.Equal(["Kind", "Type", "Q", "limit", "sort", "cursor"], errors);
    }
}
