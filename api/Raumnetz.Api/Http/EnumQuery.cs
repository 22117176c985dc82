using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>
/// Query-string enums in the same camelCase spelling as JSON ("planningRegion"). Minimal APIs bind enums
/// case-sensitively by C# name, so such parameters arrive as text and are parsed here; the document still
/// shows the enum (see <see cref="EnumQueryAttribute"/>).
/// </summary>
public static class EnumQuery
{
    public static TEnum? Parse<TEnum>(string? value, string parameter) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        // No numbers and no lists: Enum.TryParse reads "state,county" as State | County (= planningRegion).
        if (!int.TryParse(value, out _) && !value.Contains(',') && Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new InvalidFieldException(parameter, $"'{parameter}' must be one of: {allowed}.");
    }

    /// <summary>A repeated enum parameter (?x=a&amp;x=b, or ?x=a,b); null when absent.</summary>
    public static IReadOnlyCollection<TEnum>? ParseAll<TEnum>(string[]? values, string parameter) where TEnum : struct, Enum
    {
        var parts = values?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return parts is null || parts.Count == 0 ? null : parts.Select(v => Parse<TEnum>(v, parameter)!.Value).Distinct().ToList();
    }
}

/// <summary>Marks a string query parameter that carries an enum, so the OpenAPI document references the enum schema.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class EnumQueryAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
