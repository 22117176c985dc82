using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Raumnetz.Application.InventoryImport;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.HsdsImport;

/// <summary>One HSDS record as a table row: its scalar fields (JSON values, or strings from CSV) and where it was found.</summary>
public sealed record HsdsRow(string Table, JsonObject Values, string Where, int? Line)
{
    public string? Id => Str("id");

    public string? Str(string name) => Values[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        JsonValue v => v.ToJsonString(),
        var other => other.ToJsonString(),
    };

    public string Name => $"{Table}[{Id ?? Where}]";
}

/// <summary>
/// HSDS data in every form the import takes, flattened into the tables of HSDS's tabular form (organizations, services,
/// service_at_location, locations, addresses, phones, contacts, schedules, languages, accessibility, service_areas,
/// required_documents, cost_options, funding, programs, attributes, taxonomy_terms, taxonomies, ...): a nested object
/// (service_full, organization_full, service_at_location_full, location, taxonomy, taxonomy_term), a list (a JSON array or an
/// HSDS page with contents), a package (an object of such lists keyed by table name) or the tabular JSON (rows keyed by file
/// name, as examples/tabular.json), and a zip of the CSV files of a tabular data package. A nested child gets its parent's id
/// (service_id, location_id, ...); a record found twice (an organization nested in two services) is one row.
/// </summary>
public sealed class HsdsTables
{
    private readonly Dictionary<string, Dictionary<string, HsdsRow>> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<HsdsRow>> withoutId = new(StringComparer.Ordinal);

    public IReadOnlyList<HsdsRow> Rows(string table) =>
        (tables.TryGetValue(table, out var t) ? t.Values : Enumerable.Empty<HsdsRow>())
        .Concat(withoutId.TryGetValue(table, out var w) ? w : []).ToList();

    public HsdsRow? Find(string table, string? id) =>
        id is not null && tables.TryGetValue(table, out var t) && t.TryGetValue(id, out var row) ? row : null;

    public int Count => tables.Values.Sum(t => t.Count) + withoutId.Values.Sum(w => w.Count);

    /// <summary>Table name of each HSDS object (its file in the tabular form).</summary>
    private static readonly Dictionary<string, string> Children = new(StringComparer.Ordinal)
    {
        ["phones"] = "phones", ["schedules"] = "schedules", ["service_areas"] = "service_areas",
        ["service_at_locations"] = "service_at_location", ["languages"] = "languages", ["funding"] = "funding",
        ["cost_options"] = "cost_options", ["required_documents"] = "required_documents", ["contacts"] = "contacts",
        ["attributes"] = "attributes", ["locations"] = "locations", ["programs"] = "programs",
        ["organization_identifiers"] = "organization_identifiers", ["services"] = "services", ["addresses"] = "addresses",
        ["accessibility"] = "accessibility", ["metadata"] = "metadata", ["closures"] = "closures", ["capacity"] = "capacity",
        ["verifications"] = "verifications", ["networks"] = "networks", ["served_spaces"] = "served_spaces",
    };

    /// <summary>Objects nested as a single object: (property, table, the parent's field that refers to it).</summary>
    private static readonly (string Property, string Table, string Reference)[] Singles =
    [
        ("organization", "organizations", "organization_id"), ("program", "programs", "program_id"),
        ("location", "locations", "location_id"), ("service", "services", "service_id"),
        ("taxonomy_term", "taxonomy_terms", "taxonomy_term_id"), ("taxonomy_detail", "taxonomies", "taxonomy_id"),
        ("space", "space", "space_id"),
    ];

    /// <summary>The field of a child row that names its parent, by the parent's table.</summary>
    private static readonly Dictionary<string, string> ParentKey = new(StringComparer.Ordinal)
    {
        ["services"] = "service_id", ["organizations"] = "organization_id", ["locations"] = "location_id",
        ["service_at_location"] = "service_at_location_id", ["contacts"] = "contact_id", ["phones"] = "phone_id",
    };

    public static readonly string[] TableNames =
    [
        "organizations", "programs", "services", "service_at_location", "locations", "addresses", "phones", "contacts", "schedules",
        "languages", "accessibility", "service_areas", "required_documents", "cost_options", "funding", "attributes",
        "taxonomy_terms", "taxonomies", "organization_identifiers", "metadata", "meta_table_descriptions",
    ];

    /// <summary>Reads a JSON body; <paramref name="bad"/> hears what cannot be read.</summary>
    public static HsdsTables FromJson(JsonNode? root, Action<string, string> bad)
    {
        var tables = new HsdsTables();
        switch (root)
        {
            case JsonArray list:
                tables.AddList(list, null, "$", bad);
                break;
            case JsonObject page when page["contents"] is JsonArray contents:
                tables.AddList(contents, null, "$.contents", bad);
                break;
            case JsonObject root2 when root2.Count == 3 && root2.ContainsKey("version") && root2.ContainsKey("openapi_url"):
                bad("$", Messages.HsdsImport_NotHsds);
                break;
            case JsonObject tabular when tabular.Count > 0 && tabular.All(p => p.Key.EndsWith(".csv", StringComparison.Ordinal)):
                foreach (var (file, rows) in tabular)
                {
                    var table = file[..^4];
                    if (rows is not JsonArray array) { bad(file, Messages.HsdsImport_NotAList); continue; }
                    for (var i = 0; i < array.Count; i++)
                        if (array[i] is JsonObject row) tables.AddRow(table, Scalars(row), $"{file}[{i}]", null);
                        else bad($"{file}[{i}]", Messages.HsdsImport_NotAnObject);
                }
                break;
            case JsonObject package when package.Count > 0 && package.All(p => p.Value is JsonArray && TableNames.Contains(TableOf(p.Key))):
                foreach (var (name, rows) in package) tables.AddList(rows!.AsArray(), TableOf(name), $"$.{name}", bad);
                break;
            case JsonObject single:
                tables.AddObject(single, Kind(single), "$", bad);
                break;
            default:
                bad("$", Messages.HsdsImport_NotHsds);
                break;
        }
        return tables;
    }

    private static string TableOf(string name) => name switch
    {
        "service_at_locations" => "service_at_location",
        _ => name,
    };

    /// <summary>Reads a zip of the CSV files of a tabular data package (services.csv, organizations.csv, ...).</summary>
    public static async Task<HsdsTables> FromCsvZipAsync(Stream body, Action<string, string> bad, CancellationToken ct)
    {
        var tables = new HsdsTables();
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            bad("file", Messages.HsdsImport_NotAZip);
            return tables;
        }
        using (zip)
        {
            try
            {
                await ReadEntriesAsync(zip, tables, bad, ct);
            }
            catch (InvalidDataException)
            {
                bad("file", Messages.HsdsImport_NotAZip);
            }
            if (tables.Count == 0 && zip.Entries.Count == 0) bad("file", Messages.HsdsImport_NoRecords);
        }
        return tables;
    }

    private static async Task ReadEntriesAsync(ZipArchive zip, HsdsTables tables, Action<string, string> bad, CancellationToken ct)
    {
        var reader = new CsvSpreadsheetReader();
        var csv = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        if (Common.Limits.UnpackBeyondImportLimit(csv))
        {
            bad("file", Text.Format(Messages.HsdsImport_ZipUnpackedTooLarge, Common.Limits.ImportUnpacked / 1_048_576));
            return;
        }
        foreach (var entry in csv)
        {
            var file = Path.GetFileName(entry.FullName);
            var table = file[..^4];
            if (!TableNames.Contains(table)) { bad(file, Text.Format(Messages.HsdsImport_UnknownFile, file)); continue; }
            if (entry.Length > Common.Limits.ImportBody)
            {
                bad(file, Text.Format(Messages.Detail_BodyTooLargeBytes, Common.Limits.ImportBody));
                continue;
            }
            await using var stream = await entry.OpenAsync(ct);
            string?[]? header = null;
            await foreach (var row in reader.ReadAsync(stream, new SpreadsheetOptions(","), (line, message) =>
                               bad(line is null ? file : $"{file}:{line}", message), ct))
            {
                if (header is null)
                {
                    header = [.. row.Cells];
                    // a column given twice would be one field of the row (the later cell winning): refused like a JSON property
                    var doubled = header.OfType<string>().GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
                    foreach (var name in doubled) bad($"{file}:{row.Line}", Text.Format(Messages.Import_DuplicateColumn, name.Key));
                    if (doubled.Count > 0) break;
                    continue;
                }
                var values = new JsonObject();
                for (var i = 0; i < header.Length && i < row.Cells.Count; i++)
                    if (header[i] is { } name && row.Cells[i] is { } cell) values[name] = cell;
                tables.AddRow(table, values, $"{file}:{row.Line}", row.Line);
            }
        }
    }

    /// <summary>What an object is, by the properties only it has.</summary>
    public static string Kind(JsonObject o)
    {
        bool Has(string p) => o.ContainsKey(p);
        if (Has("status")) return "services";
        if (Has("location_type")) return "locations";
        if (Has("taxonomy_detail") || Has("taxonomy_id") || Has("term_uri") || Has("code") || Has("parent_id") || Has("language"))
            return "taxonomy_terms";
        if (Has("location") || Has("service") || Has("location_id") || Has("service_id")) return "service_at_location";
        if (Has("website") || Has("services") || Has("tax_status") || Has("legal_status") || Has("year_incorporated") || Has("logo")
            || Has("organization_identifiers") || Has("programs")) return "organizations";
        if (Has("version") || Has("uri")) return "taxonomies";
        return "organizations";
    }

    private void AddList(JsonArray list, string? table, string where, Action<string, string> bad)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] is JsonObject o) AddObject(o, table ?? Kind(o), $"{where}[{i}]", bad);
            else bad($"{where}[{i}]", Messages.HsdsImport_NotAnObject);
    }

    private static JsonObject Scalars(JsonObject o)
    {
        var values = new JsonObject();
        foreach (var (k, v) in o)
            if (v is JsonValue value) values[k] = value.DeepClone();
        return values;
    }

    /// <summary>Adds the object as a row of <paramref name="table"/> and its nested objects as rows of theirs; returns its id.</summary>
    private string? AddObject(JsonObject o, string table, string where, Action<string, string> bad, (string Key, string Id)? parent = null)
    {
        var values = Scalars(o);
        if (parent is { } p && values[p.Key] is null) values[p.Key] = p.Id;
        foreach (var (property, childTable, reference) in Singles)
            if (o[property] is JsonObject child && AddObject(child, childTable, $"{where}.{property}", bad) is { } childId
                && values[reference] is null)
                values[reference] = childId;
        var id = values["id"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (table == "attributes" && values["link_id"] is null && parent is { } owner) values["link_id"] = owner.Id;
        // a part (phone, schedule, ...) nested under two owners with the same id is a part of each
        AddRow(table, values, where, null, parent is { } of && !Entities.Contains(table) ? $"@{of.Key}={of.Id}" : "");
        if (id is null) return null;
        foreach (var (property, node) in o)
        {
            if (node is not JsonArray array || !Children.TryGetValue(property, out var childTable)) continue;
            var key = childTable == "attributes" ? "link_id" : ParentKey.GetValueOrDefault(table, table.TrimEnd('s') + "_id");
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject child) { bad($"{where}.{property}[{i}]", Messages.HsdsImport_NotAnObject); continue; }
                if (childTable == "attributes" && child["link_entity"] is null) child = MergeLinkEntity(child, table);
                AddObject(child, childTable, $"{where}.{property}[{i}]", bad, (key, id));
            }
        }
        return id;
    }

    private static JsonObject MergeLinkEntity(JsonObject child, string table)
    {
        var copy = child.DeepClone().AsObject();
        copy["link_entity"] = table switch
        {
            "services" => "service",
            "organizations" => "organization",
            "locations" => "location",
            "service_at_location" => "service_at_location",
            _ => table,
        };
        return copy;
    }

    /// <summary>The tables of records that are one record wherever they are nested.</summary>
    private static readonly HashSet<string> Entities =
        ["organizations", "services", "locations", "service_at_location", "taxonomies", "taxonomy_terms", "programs"];

    private void AddRow(string table, JsonObject values, string where, int? line, string owner = "")
    {
        var row = new HsdsRow(table, values, where, line);
        if (row.Id is not { } rowId)
        {
            if (!withoutId.TryGetValue(table, out var list)) withoutId[table] = list = [];
            list.Add(row);
            return;
        }
        var id = rowId + owner;
        if (!tables.TryGetValue(table, out var rows)) tables[table] = rows = new(StringComparer.Ordinal);
        if (rows.TryGetValue(id, out var known))
        {
            foreach (var (k, v) in values)
                if (known.Values[k] is null && v is not null) known.Values[k] = v.DeepClone();
            return;
        }
        rows[id] = row;
    }

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private const int MaxDepth = 32;

    /// <summary>
    /// The body as JSON. A property given twice in one object is refused as the rest of the API refuses it (a JsonObject
    /// would throw on it when first read: a 500), each named by its JSON path ("$[0].name"); other malformed JSON is
    /// refused with the parser's message.
    /// </summary>
    internal static JsonNode? Parse(string text, Action<string, string> bad)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var duplicates = Duplicates(text);
            if (duplicates.Count == 0) bad("file", Text.Format(Messages.HsdsImport_MalformedJson, e.Message));
            foreach (var (path, name) in duplicates) bad(path, Text.Format(Messages.Field_Duplicate, name));
            return null;
        }
    }

    /// <summary>Every property an object of well-formed JSON has more than once, by JSON path and name; none for malformed
    /// JSON (its own error is the one to report).</summary>
    private static List<(string Path, string Name)> Duplicates(string text)
    {
        var found = new List<(string, string)>();
        // per open object its names so far and the current one, per open array the index of the current item
        var open = new List<(HashSet<string>? Names, string? Property, int Index)>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { MaxDepth = MaxDepth });
        string Path(string name) =>
            "$" + string.Concat(open.SkipLast(1).Select(o => o.Names is null ? $"[{o.Index}]" : Member(o.Property!))) + Member(name);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    open.RemoveAt(open.Count - 1);
                    continue;
                }
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var (names, _, index) = open[^1];
                    if (!names!.Add(name)) found.Add((Path(name), name));
                    open[^1] = (names, name, index);
                    continue;
                }
                if (open.Count > 0 && open[^1].Names is null) open[^1] = open[^1] with { Index = open[^1].Index + 1 };
                if (reader.TokenType == JsonTokenType.StartObject) open.Add((new HashSet<string>(StringComparer.Ordinal), null, -1));
                else if (reader.TokenType == JsonTokenType.StartArray) open.Add((null, null, -1));
            }
        }
        catch (JsonException)
        {
            return [];
        }
        return found;
    }

    /// <summary>".name", or "['a b']" for a name that is not a plain word.</summary>
    private static string Member(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $".{name}" : $"['{name.Replace("'", "\\'")}']";
}
