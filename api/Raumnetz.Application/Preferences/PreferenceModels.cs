using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Preferences;

/// <summary>What the start page (dashboard) shows for the user: the chosen indicator sets, the level and area of the
/// ranking, and the indicator the map is coloured by.</summary>
public sealed record DashboardPreferences
{
    /// <summary>Most indicator sets one dashboard shows.</summary>
    public const int MaxSets = 10;

    /// <summary>The chosen indicator sets, in the order shown (none: the dashboard offers a choice).</summary>
    public IReadOnlyList<Guid> IndicatorSetIds { get; init; } = [];
    /// <summary>The area whose spaces are ranked and mapped (null: the first area with values).</summary>
    public Guid? UnderSpaceId { get; init; }
    /// <summary>The level of the ranked spaces (null: the spaces directly below the area).</summary>
    public SpaceLevel? RankingLevel { get; init; }
    /// <summary>The indicator that colours the map (null: the first of the first set).</summary>
    public Guid? MapIndicatorId { get; init; }
    /// <summary>The actor (person) the user acts as: "my agreements" are the open ones this actor is responsible for.</summary>
    public Guid? MyActorId { get; init; }
}

/// <summary>The signed-in user's preferences with their version (the ETag; 0 while none are saved, without an ETag).</summary>
public sealed record UserPreferencesDto
{
    public DashboardPreferences Dashboard { get; init; } = new();
    public long Version { get; init; }
}

public sealed class DashboardPreferencesValidator : AbstractValidator<DashboardPreferences>
{
    public DashboardPreferencesValidator()
    {
        RuleFor(x => x.IndicatorSetIds).NotNull().MaxItems(DashboardPreferences.MaxSets);
        RuleForEach(x => x.IndicatorSetIds).NotEmpty();
        RuleFor(x => x.RankingLevel).DefinedEnum();
    }
}

internal static class PreferenceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(DashboardPreferences dashboard) => JsonSerializer.Serialize(dashboard, Options);

    /// <summary>The stored document; a document that cannot be read (written by an older version) counts as none.</summary>
    public static DashboardPreferences Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DashboardPreferences>(json, Options) ?? new();
        }
        catch (JsonException)
        {
            return new();
        }
    }
}
