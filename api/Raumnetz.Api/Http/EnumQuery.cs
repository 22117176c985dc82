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
        // Exactly one name as the document spells it (camelCase, case-sensitive): no numbers, no lists
        // (Enum.TryParse reads "state,county" as State | County = planningRegion), no other spelling.
        foreach (var name in Enum.GetNames<TEnum>())
            if (value == char.ToLowerInvariant(name[0]) + name[1..]) return Enum.Parse<TEnum>(name);
        var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new InvalidFieldException(parameter, Text.Format(Messages.Field_OneOf, parameter, allowed));
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
