using System.Text.Json;
using FluentValidation.TestHelper;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Common;
using Raumnetz.Application.Spaces;
using Raumnetz.Application.Users;
using Raumnetz.Domain.Identity;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.UnitTests.Application;

public sealed class ValidatorsTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // ---- CreateSpace ----------------------------------------------------------------------------------------------

    private static readonly CreateSpaceCommand ValidSpace = new() { Code = "12069", Name = "Potsdam-Mittelmark",
        Level = SpaceLevel.County };

    [Fact]
    public void Create_space_valid_baseline_passes()
    {
        new CreateSpaceValidator().TestValidate(ValidSpace).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("0", true)]
    [InlineData("a.b-c_d", true)]
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("A B", false)]
    [InlineData(" A", false)]
    [InlineData("-A", false)]
    [InlineData(".A", false)]
    [InlineData("Ä1", false)]
    [InlineData("A/B", false)]
    public void Create_space_code_pattern(string code, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with { Code = code });
        if (valid) result.ShouldNotHaveValidationErrorFor(x => x.Code);
        else result.ShouldHaveValidationErrorFor(x => x.Code);
    }

    [Theory]
    [InlineData(Limits.Code, true)]
    [InlineData(Limits.Code + 1, false)]
    public void Create_space_code_length(int length, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with { Code = new string('C', length) });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Code"));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(Limits.Name, true)]
    [InlineData(Limits.Name + 1, false)]
    [InlineData(0, false)]
    public void Create_space_name_length(int length, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with { Name = new string('n', length) });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Name"));
    }

    [Fact]
    public void Create_space_name_of_blanks_only_is_refused()
    {
        new CreateSpaceValidator().TestValidate(ValidSpace with { Name = "   " }).ShouldHaveValidationErrorFor(x => x.Name);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void Create_space_undefined_level_is_refused(int level)
    {
        new CreateSpaceValidator().TestValidate(ValidSpace with { Level = (SpaceLevel)level }).ShouldHaveValidationErrorFor(x => x.Level);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, true)]
    [InlineData(100_000_000, true)]
    [InlineData(-1, false)]
    [InlineData(100_000_001, false)]
    public void Create_space_population_range(int? population, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with { Population = population });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Population"));
    }

    [Theory]
    [InlineData("2024-01-01", "2024-01-01", true)]
    [InlineData("2024-01-01", "2024-01-02", true)]
    [InlineData("2024-01-02", "2024-01-01", false)]
    [InlineData(null, "2024-01-01", true)]
    [InlineData("2024-01-01", null, true)]
    public void Create_space_valid_to_not_before_valid_from(string? from, string? to, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with
        {
            ValidFrom = from is null ? null : DateOnly.Parse(from), ValidTo = to is null ? null : DateOnly.Parse(to),
        });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "ValidTo"));
    }

    [Theory]
    [InlineData(Limits.Predecessors, true)]
    [InlineData(Limits.Predecessors + 1, false)]
    public void Create_space_predecessor_count(int count, bool valid)
    {
        var result = new CreateSpaceValidator()
            .TestValidate(ValidSpace with { PredecessorIds = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList() });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "PredecessorIds"));
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[13,52],[13.1,52],[13.1,52.1],[13,52]]]}""", true)]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", true)]
    [InlineData("null", true)]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""", false)]
    [InlineData("""{"type":"Polygon"}""", false)]
    [InlineData("""{"type":"Polygon","coordinates":{}}""", false)]
    [InlineData("""{"type":5,"coordinates":[]}""", false)]
    [InlineData("""{"type":null,"coordinates":[]}""", false)]
    [InlineData("\"POLYGON((1 2))\"", false)]
    [InlineData("[]", false)]
    [InlineData("42", false)]
    public void Create_space_geometry_must_be_a_polygon_or_multipolygon(string geometry, bool valid)
    {
        var result = new CreateSpaceValidator().TestValidate(ValidSpace with { Geometry = Json(geometry) });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Geometry"));
    }

    [Fact]
    public void Create_space_geometry_above_the_size_limit_is_refused()
    {
        var ring = string.Join(",", Enumerable.Repeat("[13.123456789,52.123456789]", Limits.Geometry / 27 + 10));
        var result = new CreateSpaceValidator()
            .TestValidate(ValidSpace with { Geometry = Json($$"""{"type":"Polygon","coordinates":[[{{ring}}]]}""") });
        result.ShouldHaveValidationErrorFor(x => x.Geometry);
    }

    // ---- ImportSpaces ---------------------------------------------------------------------------------------------

    private static SpaceFeature Feature(string code, string level = "county", string? parentCode = null, int? population = null,
        string name = "Raum") =>
        new() { Type = "Feature",
            Properties = new SpaceFeatureProperties { Code = code, Name = name, Level = level, ParentCode = parentCode,
                Population = population } };

    private static ImportSpacesCommand Import(params SpaceFeature?[] features)
        => new() { Type = "FeatureCollection", Features = features! };

    private static List<string> Errors(ImportSpacesCommand command) =>
        new ImportSpacesValidator().TestValidate(command).Errors.Select(e => e.PropertyName).ToList();

    [Fact]
    public void Import_valid_baseline_passes()
    {
        Assert.Empty(Errors(Import(Feature("LK", "Landkreis"), Feature("G", "gemeinde", "LK"), Feature("Q", "neighbourhood", "G", 0))));
        Assert.Empty(Errors(Import()));
    }

    [Fact]
    public void Import_type_must_be_feature_collection()
    {
        Assert.Contains("Type", Errors(Import() with { Type = "Feature" }));
        Assert.Contains("Type", Errors(Import() with { Type = "featurecollection" }));
    }

    [Fact]
    public void Import_features_are_required()
    {
        Assert.Contains("Features", Errors(new ImportSpacesCommand { Type = "FeatureCollection", Features = null }));
    }

    [Theory]
    [InlineData(Limits.ImportFeatures, true)]
    [InlineData(Limits.ImportFeatures + 1, false)]
    public void Import_feature_count(int count, bool valid)
    {
        var errors = Errors(Import(Enumerable.Range(0, count).Select(i => Feature($"S{i}", "district")).ToArray()));
        Assert.Equal(valid, !errors.Contains("Features"));
    }

    [Fact]
    public void Import_null_feature_is_refused_by_index()
    {
        Assert.Contains("Features[1]", Errors(Import(Feature("A"), null)));
    }

    [Fact]
    public void Import_feature_without_properties_is_refused()
    {
        var errors = Errors(Import(new SpaceFeature { Type = "Feature", Properties = null }));
        Assert.Contains("Features[0].Properties", errors);
    }

    [Fact]
    public void Import_feature_type_must_be_feature()
    {
        Assert.Contains("Features[0].Type", Errors(Import(Feature("A") with { Type = "Point" })));
    }

    [Fact]
    public void Import_duplicate_codes_are_refused()
    {
        Assert.Contains("Features", Errors(Import(Feature("A"), Feature("B"), Feature("A"))));
        Assert.DoesNotContain("Features", Errors(Import(Feature("A"), Feature("a"))));
    }

    [Theory]
    [InlineData("Landkreis", true)]
    [InlineData("planning-region", true)]
    [InlineData("Galaxis", false)]
    [InlineData("", false)]
    [InlineData("2", false)]
    [InlineData("state,county", false)]
    public void Import_level_names(string level, bool valid)
    {
        Assert.Equal(valid, !Errors(Import(Feature("A", level))).Contains("Features[0].properties.level"));
    }

    [Theory]
    [InlineData("A B", false)]
    [InlineData("", false)]
    [InlineData("A-1", true)]
    public void Import_code_pattern(string code, bool valid)
    {
        Assert.Equal(valid, !Errors(Import(Feature(code))).Contains("Features[0].properties.code"));
    }

    [Theory]
    [InlineData(Limits.Code, true)]
    [InlineData(Limits.Code + 1, false)]
    public void Import_code_and_parent_code_length(int length, bool valid)
    {
        var errors = Errors(Import(Feature(new string('C', length), "district", parentCode: new string('P', length))));
        Assert.Equal(valid, !errors.Contains("Features[0].properties.code"));
        Assert.Equal(valid, !errors.Contains("Features[0].properties.parentCode"));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100_000_000, true)]
    [InlineData(-1, false)]
    [InlineData(100_000_001, false)]
    public void Import_population_range(int population, bool valid)
    {
        Assert.Equal(valid, !Errors(Import(Feature("A", population: population))).Contains("Features[0].properties.population"));
    }

    [Theory]
    [InlineData(Limits.Name, true)]
    [InlineData(Limits.Name + 1, false)]
    [InlineData(0, false)]
    public void Import_name_length(int length, bool valid)
    {
        Assert.Equal(valid, !Errors(Import(Feature("A", name: new string('n', length)))).Contains("Features[0].properties.name"));
    }

    [Theory]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""", true)]
    [InlineData("null", true)]
    [InlineData("""{"type":"Point","coordinates":[1,2]}""", false)]
    [InlineData("""{"type":7}""", false)]
    public void Import_geometry(string geometry, bool valid)
    {
        Assert.Equal(valid, !Errors(Import(Feature("A") with { Geometry = Json(geometry) })).Contains("Features[0].Geometry"));
    }

    // ---- CreateUser -----------------------------------------------------------------------------------------------

    private static readonly CreateUserCommand ValidUser = new("planerin@kreis.example", "Sozialplanung", Role.Coordinator,
        "correct-horse-battery");

    [Fact]
    public void Create_user_valid_baseline_passes()
    {
        new CreateUserValidator().TestValidate(ValidUser).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(Limits.MinPassword - 1, false)]
    [InlineData(Limits.MinPassword, true)]
    [InlineData(Limits.Password, true)]
    [InlineData(Limits.Password + 1, false)]
    [InlineData(0, false)]
    public void Create_user_password_length(int length, bool valid)
    {
        var result = new CreateUserValidator().TestValidate(ValidUser with { Password = new string('p', length) });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Password"));
    }

    [Theory]
    [InlineData("a@b", true)]
    [InlineData("vorname.nachname@landkreis.example", true)]
    [InlineData("", false)]
    [InlineData("kein-at-zeichen", false)]
    [InlineData("@example.org", false)]
    [InlineData("name@", false)]
    public void Create_user_email_format(string email, bool valid)
    {
        var result = new CreateUserValidator().TestValidate(ValidUser with { Email = email });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Email"));
    }

    [Theory]
    [InlineData(Limits.Email, true)]
    [InlineData(Limits.Email + 1, false)]
    public void Create_user_email_length(int length, bool valid)
    {
        var email = new string('a', length - "@x.de".Length) + "@x.de";
        var result = new CreateUserValidator().TestValidate(ValidUser with { Email = email });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Email"));
    }

    [Theory]
    [InlineData(Limits.Name, true)]
    [InlineData(Limits.Name + 1, false)]
    [InlineData(0, false)]
    public void Create_user_display_name_length(int length, bool valid)
    {
        var result = new CreateUserValidator().TestValidate(ValidUser with { DisplayName = new string('d', length) });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "DisplayName"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(3 | 5)]
    public void Create_user_undefined_role_is_refused(int role)
    {
        new CreateUserValidator().TestValidate(ValidUser with { Role = (Role)role }).ShouldHaveValidationErrorFor(x => x.Role);
    }

    // ---- CreateApiKey ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(1, true)]
    [InlineData(Limits.Name, true)]
    [InlineData(Limits.Name + 1, false)]
    [InlineData(0, false)]
    public void Create_api_key_name_length(int length, bool valid)
    {
        var result = new CreateApiKeyValidator()
            .TestValidate(new CreateApiKeyCommand { Name = new string('k', length), Role = Role.Viewer });
        Assert.Equal(valid, result.IsValid);
    }

    [Fact]
    public void Create_api_key_blank_name_is_refused()
    {
        new CreateApiKeyValidator().TestValidate(new CreateApiKeyCommand { Name = "  ", Role = Role.Viewer })
            .ShouldHaveValidationErrorFor(x => x.Name);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Create_api_key_role_must_be_defined(int role, bool valid)
    {
        var result = new CreateApiKeyValidator().TestValidate(new CreateApiKeyCommand { Name = "Partner", Role = (Role)role });
        Assert.Equal(valid, result.IsValid);
    }
}
