using Raumnetz.Domain.Common;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Reads a JSON import as it streams in: an array of <see cref="ObservationImportRow"/>, each yielded with its item
/// number (from 0). A body that is empty or not an array, a null item and malformed JSON (reported at the item the
/// error's path names) go to the report; malformed JSON stops the reading.
/// </summary>
internal static partial class ObservationJsonReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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
        var items = JsonSerializer.DeserializeAsyncEnumerable<ObservationImportRow?>(pipe.AsStream(), Options, ct);
        await using var e = items.GetAsyncEnumerator(ct);
        var item = 0;
        while (true)
        {
            ObservationImportRow? current;
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
            yield return new RawImportRow(null, item, current.Indicator, current.Space, current.Period, Invariant(current.Value), Invariant(current.Numerator),
                Invariant(current.Denominator), current.Status, current.Source, current.Note);
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

    private static string? Invariant(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
}
