using System.Text.Json;
using System.Text.Json.Serialization;

namespace Raumnetz.Api.Http;

/// <summary>
/// Enums as camelCase strings ("planningRegion"), read strictly: exactly one defined name, spelled as written
/// (case-sensitive, as the document's enum lists it).
/// System.Text.Json's own converter also accepts "viewer, analyst" and combines the values like flags
/// (Viewer | Analyst = Editor), and numbers in strings; both are refused here with a JsonException (400).
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter inner = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert), inner.CreateConverter(typeToConvert, options))!;

    private sealed class Strict<T>(JsonConverter inner) : JsonConverter<T> where T : struct, Enum
    {
        private readonly JsonConverter<T> inner = (JsonConverter<T>)inner;
        private static readonly bool IsFlags = typeof(T).IsDefined(typeof(FlagsAttribute), false);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            var text = reader.GetString()!;
            if (text.Length == 0 || text.Trim().Length != text.Length || (!IsFlags && text.Contains(','))) throw new JsonException();
            var value = inner.Read(ref reader, typeToConvert, options);
            if (!IsFlags && !Enum.IsDefined(value)) throw new JsonException();
            // The inner converter ignores case ("Active", "ACTIVE"); the document lists one spelling.
            if (!IsFlags && JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) != text) throw new JsonException();
            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => inner.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            inner.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            inner.WriteAsPropertyName(writer, value, options);
    }
}
