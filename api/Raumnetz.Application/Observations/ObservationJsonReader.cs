using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Reads a JSON import as it streams in: an array of <see cref="ObservationImportRow"/>, each yielded with its item
/// number (from 0). A body that is empty or not an array, a null item and malformed JSON (reported at the item the
/// error's path names) go to the report; malformed JSON stops the reading. Each item is held to the document's schema
/// (<see cref="ItemConverter"/>): a property it does not name, a property given twice and a value of another JSON type
/// are row errors naming the item and the property; such an item is not checked further, the reading goes on.
/// </summary>
internal static partial class ObservationJsonReader
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new ItemConverter() } };

    public static async IAsyncEnumerable<RawImportRow> ReadAsync(Stream body, ImportReport report, [EnumeratorCancellation] CancellationToken ct)
    {
        // The body must be an array: JsonSerializer would read a top-level null (or nothing) as no items at all.
        var pipe = PipeReader.Create(body);
        var first = await FirstTokenAsync(pipe, ct);
        if (first != (byte)'[')
        {
            if (first is null) report.Add(null, null, "file", "emptyBody", Messages.Import_EmptyBody);
            else report.Add(null, null, "file", "notAnArray", Messages.Import_NotAnArray);
            yield break;
        }
        var items = JsonSerializer.DeserializeAsyncEnumerable<JsonImportItem?>(pipe.AsStream(), Options, ct);
        await using var e = items.GetAsyncEnumerator(ct);
        var item = 0;
        while (true)
        {
            JsonImportItem? current;
            try
            {
                if (!await e.MoveNextAsync()) yield break;
                current = e.Current;
            }
            catch (JsonException x)
            {
                // The serializer reads ahead, so the item comes from the error's path ($[3].value), not from the count so far.
                var path = x.Path is { } p ? JsonErrorPath().Match(p) : null;
                var pathItem = path is { Success: true } ? int.Parse(path.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
                // a path behind the items already read (an unterminated array) means the file broke off after them
                var failedItem = Math.Max(pathItem, item);
                var column = pathItem < item ? "file" : path!.Groups[2].Success ? path.Groups[2].Value : "item";
                report.Add(null, failedItem, column, "malformedJson",
                    x.LineNumber is { } l ? Text.Format(Messages.Import_MalformedJsonAt, l + 1, x.BytePositionInLine + 1) : Messages.Import_MalformedJson,
                    ("line", (x.LineNumber ?? 0) + 1), ("position", (x.BytePositionInLine ?? 0) + 1));
                yield break;
            }
            if (current is null) { report.Add(null, item, "item", "nullItem", Messages.Import_NullItem); item++; continue; }
            if (current.Problems is { } problems)
            {
                foreach (var problem in problems) report.Add(null, item, problem);
                item++;
                continue;
            }
            yield return new RawImportRow(null, item, current.Indicator, current.Space, current.Period, current.Value, current.Numerator,
                current.Denominator, current.Status, current.Source, current.Note);
            item++;
        }
    }

    /// <summary>Skips white space and a UTF-8 byte order mark; returns the first other byte, left unread in the pipe, or null for an empty body.</summary>
    private static async Task<byte?> FirstTokenAsync(PipeReader pipe, CancellationToken ct)
    {
        while (true)
        {
            var read = await pipe.ReadAsync(ct);
            var buffer = read.Buffer;
            var skipped = 0L;
            byte? found = null;
            foreach (var segment in buffer)
            {
                foreach (var b in segment.Span)
                {
                    if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (skipped < 3 && b is 0xEF or 0xBB or 0xBF)) { skipped++; continue; }
                    found = b;
                    break;
                }
                if (found is not null) break;
            }
            if (found is not null)
            {
                pipe.AdvanceTo(buffer.GetPosition(skipped)); // only the white space is consumed: the JSON reader starts at the token
                return found;
            }
            pipe.AdvanceTo(buffer.End); // all white space so far
            if (read.IsCompleted) return null;
        }
    }

    [GeneratedRegex(@"^\$\[(\d+)\](?:\.([A-Za-z]+))?")]
    private static partial Regex JsonErrorPath();

    /// <summary>An item as read: the fields of <see cref="ObservationImportRow"/> as text (numbers invariant), and its problems.</summary>
    internal sealed class JsonImportItem
    {
        public string? Indicator, Space, Period, Value, Numerator, Denominator, Status, Source, Note;

        /// <summary>Where the item does not fit the document's schema; null when it does.</summary>
        public List<FieldProblem>? Problems;

        public void Add(FieldProblem problem) => (Problems ??= []).Add(problem);
    }

    /// <summary>
    /// Reads one item token by token as the document's ObservationImportRow describes it (additionalProperties: false):
    /// indicator, space, period, status, source and note are strings, value, numerator and denominator numbers (a number in
    /// quotes is a string), each may be null or left out, and none may come twice. Names match in any case, as in every
    /// request body of the API (JsonSerializerDefaults.Web). What does not fit is collected in the item, not thrown, so
    /// the reading goes on with the next item; only an item that is no object (or malformed JSON) stops it.
    /// </summary>
    internal sealed class ItemConverter : JsonConverter<JsonImportItem>
    {
        /// <summary>The properties of <see cref="ObservationImportRow"/>: the strings, then (from FirstNumber) the numbers.</summary>
        internal static readonly string[] Names = ["indicator", "space", "period", "status", "source", "note", "value", "numerator",
            "denominator"];
        private static readonly byte[][] Utf8Names = [.. Names.Select(System.Text.Encoding.UTF8.GetBytes)];
        internal const int FirstNumber = 6;
        private const int MaxNameBytes = 128;
        private const double MaxMagnitude = ObservationRules.MaxMagnitude;
        private static readonly string NameList = string.Join(", ", Names);

        public override JsonImportItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException(); // reported as malformedJson at the item
            var item = new JsonImportItem();
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var n = Property(ref reader);
                var unknown = n < 0 ? Shorten(reader.GetString()!) : null;
                if (!reader.Read()) throw new JsonException();
                if (unknown is { } name)
                {
                    item.Add(FieldProblem.Of(name, "unknownProperty", Text.Format(Messages.Import_UnknownProperty, name, NameList),
                        ("value", name), ("properties", NameList)));
                    Skip(ref reader);
                    continue;
                }
                if ((seen & 1 << n) != 0)
                {
                    item.Add(FieldProblem.Of(Names[n], "duplicateProperty", Text.Format(Messages.Field_Duplicate, Names[n]),
                        ("value", Names[n])));
                    Skip(ref reader);
                    continue;
                }
                seen |= 1 << n;
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (n < FirstNumber)
                {
                    if (reader.TokenType == JsonTokenType.String) Set(item, n, reader.GetString());
                    else WrongType(item, ref reader, Names[n], "notAJsonString", Messages.Import_NotAJsonString);
                }
                else if (reader.TokenType != JsonTokenType.Number)
                    WrongType(item, ref reader, Names[n], "notAJsonNumber", Messages.Import_NotAJsonNumber);
                else if (reader.TryGetDouble(out var number) && double.IsFinite(number))
                    Set(item, n, number.ToString("R", CultureInfo.InvariantCulture));
                else // beyond double (1e999)
                    item.Add(FieldProblem.Of(Names[n], "tooLarge", Text.Format(Messages.Obs_TooLarge, Names[n], MaxMagnitude),
                        ("max", MaxMagnitude)));
            }
            return item;
        }

        public override void Write(Utf8JsonWriter writer, JsonImportItem value, JsonSerializerOptions options) =>
            throw new NotSupportedException();

        /// <summary>The property the reader's name stands for (its index in <see cref="Names"/>), or -1.</summary>
        private static int Property(ref Utf8JsonReader reader)
        {
            for (var i = 0; i < Utf8Names.Length; i++)
                if (reader.ValueTextEquals(Utf8Names[i])) return i;
            // another case ("Value"): compared without allocating; a long name is none of ours
            if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > MaxNameBytes) return -1;
            Span<char> buffer = stackalloc char[MaxNameBytes];
            var name = buffer[..reader.CopyString(buffer)];
            for (var i = 0; i < Names.Length; i++)
                if (name.Equals(Names[i], StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }

        private static void Set(JsonImportItem item, int n, string? text)
        {
            switch (n)
            {
                case 0: item.Indicator = text; break;
                case 1: item.Space = text; break;
                case 2: item.Period = text; break;
                case 3: item.Status = text; break;
                case 4: item.Source = text; break;
                case 5: item.Note = text; break;
                case 6: item.Value = text; break;
                case 7: item.Numerator = text; break;
                default: item.Denominator = text; break;
            }
        }

        private static void WrongType(JsonImportItem item, ref Utf8JsonReader reader, string name, string code, string message)
        {
            var found = reader.TokenType switch
            {
                JsonTokenType.String => "string",
                JsonTokenType.Number => "number",
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                JsonTokenType.StartArray => "array",
                _ => "object",
            };
            item.Add(FieldProblem.Of(name, code, Text.Format(message, name), ("found", found)));
            Skip(ref reader);
        }

        /// <summary>Past the value (an object or array whole): the serializer has buffered the item, so this does not fail.</summary>
        private static void Skip(ref Utf8JsonReader reader)
        {
            if (!reader.TrySkip()) throw new JsonException();
        }

        /// <summary>An unknown property's name as the report names it: at most 100 characters.</summary>
        private static string Shorten(string name) => name.Length > 100 ? name[..100] + "…" : name;
    }
}
