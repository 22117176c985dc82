namespace Raumnetz.Domain.Spaces;

/// <summary>Levels of the social-space hierarchy, from the largest to the smallest.</summary>
public enum SpaceLevel
{
    State = 1,
    County = 2,
    PlanningRegion = 3,
    Municipality = 4,
    District = 5,
    Neighbourhood = 6,
}

public static class SpaceRules
{
    /// <summary>A child must sit on a lower (finer) level than its parent.</summary>
    public static bool IsValidChildLevel(SpaceLevel parent, SpaceLevel child) => (int)child > (int)parent;

    /// <summary>Whether a space with the given validity is valid on <paramref name="day"/> (validTo is inclusive).</summary>
    public static bool IsValidOn(DateOnly validFrom, DateOnly? validTo, DateOnly day)
        => validFrom <= day && (validTo is null || day <= validTo.Value);

    /// <summary>Parses a level name as used in the API and in GeoJSON properties (camelCase, case-insensitive; German names
    /// accepted).</summary>
    public static bool TryParseLevel(string? value, out SpaceLevel level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var v = value.Trim().Replace("-", "").Replace("_", "").Replace(" ", "");
        // No numbers and no lists: Enum.TryParse reads "state,county" as State | County (= PlanningRegion).
        if (!int.TryParse(v, out _) && !v.Contains(',') && Enum.TryParse(v, ignoreCase: true, out level)
            && Enum.IsDefined(level)) return true;
        switch (v.ToLowerInvariant())
        {
            case "land" or "bundesland": level = SpaceLevel.State; return true;
            case "kreis" or "landkreis" or "kreisfreiestadt": level = SpaceLevel.County; return true;
            case "planungsregion": level = SpaceLevel.PlanningRegion; return true;
            case "gemeinde" or "stadt" or "kommune": level = SpaceLevel.Municipality; return true;
            case "stadtteil" or "stadtbezirk" or "ortsteil" or "bezirk": level = SpaceLevel.District; return true;
            case "quartier" or "kiez" or "sozialraum" or "nachbarschaft": level = SpaceLevel.Neighbourhood; return true;
            default: return false;
        }
    }
}
