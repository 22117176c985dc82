using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Raumnetz.Api.Http;

/// <summary>
/// Request bodies are read exactly as the OpenAPI document describes them, so that the contract means what it says:
/// unknown properties, duplicate properties, numbers in strings, enum names in another spelling
/// (<see cref="StrictEnumConverter"/>), null where the type is not nullable, null entries in lists and missing required
/// properties are all refused with a <see cref="JsonException"/> (400 naming the field, see
/// <see cref="ProblemExceptionHandler"/>). A property is required exactly when its C# type is not nullable (a value
/// type that is not <c>T?</c>, or a reference type without <c>?</c>), which is also the rule by which Swashbuckle
/// writes the schema's <c>required</c> list (NonNullableReferenceTypesAsRequired): the two cannot drift apart.
/// </summary>
public static class StrictJson
{
    public static void Configure(JsonSerializerOptions o)
    {
        o.Converters.Add(new StrictEnumConverter());
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.AllowDuplicateProperties = false;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireWhatIsNotNullable);
    }

    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly Lock NullabilityLock = new();

    /// <summary>Marks the non-nullable properties of our own types required and refuses null entries in their lists.</summary>
    internal static void RequireWhatIsNotNullable(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Assembly.GetName().Name?.StartsWith("Raumnetz", StringComparison.Ordinal) != true) return;
        var lists = new List<(string Name, Func<object, object?> Get)>();
        foreach (var property in type.Properties)
        {
            if (property.Set is null && property.AssociatedParameter is null) continue;
            if (!property.IsRequired && !IsNullable(property)) property.IsRequired = true;
            if (property.Get is { } get && HasNonNullableEntries(property)) lists.Add((property.Name, get));
        }
        if (lists.Count == 0) return;
        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var (name, get) in lists)
            {
                if (get(value) is not IEnumerable entries) continue;
                var index = 0;
                foreach (var entry in entries)
                {
                    if (entry is null) throw new NullEntryException($"{name}[{index}]");
                    index++;
                }
            }
            previous?.Invoke(value);
        };
    }

    private static bool IsNullable(JsonPropertyInfo property) =>
        property.PropertyType.IsValueType ? Nullable.GetUnderlyingType(property.PropertyType) is not null : property.IsSetNullable;

    /// <summary>A list (not a string or a dictionary) whose entries are references declared without "?".</summary>
    private static bool HasNonNullableEntries(JsonPropertyInfo property)
    {
        var t = property.PropertyType;
        if (t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) || typeof(IDictionary).IsAssignableFrom(t)) return false;
        var element = t.IsArray ? t.GetElementType() : t.GetInterfaces().Append(t)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is null || element.IsValueType) return false; // value entries: null does not convert (400 already)
        NullabilityInfo? info;
        lock (NullabilityLock)
        {
            info = property.AttributeProvider switch
            {
                PropertyInfo p => Nullability.Create(p),
                FieldInfo f => Nullability.Create(f),
                _ => null,
            };
        }
        var entry = info?.ElementType ?? info?.GenericTypeArguments.FirstOrDefault();
        return entry is null || entry.ReadState != NullabilityState.Nullable;
    }
}

/// <summary>A null entry in a list whose entries may not be null; <see cref="Field"/> is relative to the exception's path.</summary>
public sealed class NullEntryException(string field) : JsonException($"'{field}' must not be null.")
{
    public string Field { get; } = field;
}
