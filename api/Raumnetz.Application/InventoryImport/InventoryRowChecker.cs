using Raumnetz.Domain.Common;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Observations;
using TaxonomyKind = Raumnetz.Domain.Inventory.TaxonomyKind;
using static Raumnetz.Application.InventoryImport.InventoryImportColumns;

namespace Raumnetz.Application.InventoryImport;

/// <summary>A row of the inventory import after checking: what the writer needs, with references resolved to ids.</summary>
internal sealed record InventoryImportRow
{
    public int Line { get; init; }
    public string ExternalId { get; init; } = "";
    /// <summary>The service's external id: service_external_id, else the row's (one service per row).</summary>
    public string ServiceExternalId { get; init; } = "";
    public string LocationExternalId { get; init; } = "";
    public string LocationName { get; init; } = "";
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public Guid? SpaceId { get; init; }
    /// <summary>Whether <see cref="SpaceId"/> was derived from the coordinates (else given by code).</summary>
    public bool SpaceDerived { get; init; }
    public string ServiceName { get; init; } = "";
    /// <summary>Null when the column is absent or empty: the categories stay as they are.</summary>
    public IReadOnlyList<Guid>? CategoryIds { get; init; }
    public Guid? OperatorId { get; init; }
    public bool HasOperator { get; init; }
    public IReadOnlyList<Guid>? TargetGroupIds { get; init; }
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public bool HasAges { get; init; }
    public double? Capacity { get; init; }
    public string CapacityUnit { get; init; } = "Places";
    public IReadOnlyList<Guid> FunderIds { get; init; } = [];
    public DateOnly? FundingEnd { get; init; }
    public string? Status { get; init; }
}

/// <summary>
/// Checks the rows of an inventory import one at a time against the data loaded once: category and target-group codes
/// (taxonomy terms of the right kind), operators and funders (actor id or exact name, any case; a name two actors share
/// is ambiguous), space codes; coordinates in WGS 84, ages, numbers, dates, statuses and lengths; and that no external id
/// comes twice. Every problem goes to the report by line and column, so a dry run lists all of them.
/// </summary>
internal sealed class InventoryRowChecker
{
    public const int MaxExternalId = 100;
    public const int MaxAge = 120;

    private readonly Dictionary<string, (Guid Id, string Kind)> terms;
    private readonly Dictionary<string, List<Guid>> actorsByName;
    private readonly HashSet<Guid> actorIds;
    private readonly Dictionary<string, Guid> spaces;
    private readonly Func<double, double, Guid?> locate;
    private readonly ImportReport report;
    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);

    public InventoryRowChecker(IEnumerable<(string Code, Guid Id, string Kind)> terms, IEnumerable<(Guid Id, string Name)> actors,
        IEnumerable<(string Code, Guid Id)> spaces, Func<double, double, Guid?> locate, ImportReport report)
    {
        this.terms = terms.ToDictionary(t => t.Code, t => (t.Id, t.Kind), StringComparer.OrdinalIgnoreCase);
        var list = actors.ToList();
        actorIds = list.Select(a => a.Id).ToHashSet();
        actorsByName = list.GroupBy(a => a.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList(), StringComparer.OrdinalIgnoreCase);
        this.spaces = spaces.ToDictionary(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase);
        this.locate = locate;
        this.report = report;
    }

    private sealed class TermRow
    {
        public string Code { get; init; } = "";
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
    }

    private sealed class Ref
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    /// <summary>A checker over the terms, actors (not archived) and spaces in the database.</summary>
    public static async Task<InventoryRowChecker> LoadAsync(DbConnection connection, DbTransaction tx, Func<double, double, Guid?> locate,
        ImportReport report, CancellationToken ct)
    {
        var terms = await connection.QueryAsync<TermRow>(new CommandDefinition("""
            SELECT t.code, t.id, x.kind FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id WHERE t.archived_at IS NULL
            """, transaction: tx, cancellationToken: ct));
        var actors = await connection.QueryAsync<Ref>(new CommandDefinition(
            "SELECT id, name FROM actors WHERE archived_at IS NULL", transaction: tx, cancellationToken: ct));
        var spaces = await connection.QueryAsync<Ref>(new CommandDefinition(
            "SELECT id, code AS name FROM spaces", transaction: tx, cancellationToken: ct));
        return new InventoryRowChecker(terms.Select(t => (t.Code, t.Id, t.Kind)), actors.Select(a => (a.Id, a.Name)),
            spaces.Select(s => (s.Name, s.Id)), locate, report);
    }

    /// <summary>
    /// The checked row, or null when it is bad (its problems are in the report). <paramref name="notation"/> says how the row
    /// writes numbers as text; <paramref name="numberCells"/> names the columns whose cells the file stores as numbers.
    /// </summary>
    public InventoryImportRow? Check(int line, IReadOnlyDictionary<string, string?> cells,
        NumberNotation notation = NumberNotation.Unknown, IReadOnlySet<string>? numberCells = null)
    {
        var before = report.Count;
        string? Cell(string column) => cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        double? Number(string column, bool thousands) => this.Number(line, column, Cell(column),
            numberCells?.Contains(column) == true ? NumberNotation.Invariant : notation, thousands);

        var externalId = Required(line, ExternalId, Cell(ExternalId), MaxExternalId);
        var serviceExternalId = Text(line, ServiceExternalId, Cell(ServiceExternalId), MaxExternalId);
        var locationExternalId = Text(line, LocationExternalId, Cell(LocationExternalId), MaxExternalId);
        var locationName = Required(line, LocationName, Cell(LocationName), Limits.Name);
        var serviceName = Required(line, ServiceName, Cell(ServiceName), Limits.Name);
        var street = Text(line, Street, Cell(Street), Limits.Street);
        var postalCode = Text(line, PostalCode, Cell(PostalCode), Limits.PostalCode);
        var city = Text(line, City, Cell(City), Limits.City);
        if (street is not null && postalCode is null)
            Add(line, PostalCode, "required", Domain.Common.Text.Format(Messages.Import_RequiredWithStreet, PostalCode));
        if (street is not null && city is null)
            Add(line, City, "required", Domain.Common.Text.Format(Messages.Import_RequiredWithStreet, City));

        // coordinates never reach 1,000: a '.' or ',' in them is the decimal mark
        var latitude = Number(Latitude, thousands: false);
        var longitude = Number(Longitude, thousands: false);
        if (latitude is < -90 or > 90)
            Add(line, Latitude, "outsideWgs84", Domain.Common.Text.Format(Messages.Import_LatitudeOutside, latitude), ("value", latitude));
        if (longitude is < -180 or > 180)
            Add(line, Longitude, "outsideWgs84", Domain.Common.Text.Format(Messages.Import_LongitudeOutside, longitude),
                ("value", longitude));
        if ((latitude is null) != (longitude is null) && report.Count == before)
            Add(line, latitude is null ? Latitude : Longitude, "required", Messages.Import_CoordinatesBoth);

        Guid? spaceId = null;
        var derived = false;
        if (Cell(Space) is { } spaceCode)
        {
            if (spaces.TryGetValue(spaceCode, out var sid)) spaceId = sid;
            else Add(line, Space, "unknownSpace", Domain.Common.Text.Format(Messages.Import_UnknownSpace, spaceCode), ("value", spaceCode));
        }
        else if (latitude is { } lat and >= -90 and <= 90 && longitude is { } lon and >= -180 and <= 180)
        {
            spaceId = locate(lat, lon);
            derived = spaceId is not null;
        }

        var categories = Terms(line, Category, Cell(Category), nameof(TaxonomyKind.ServiceCategory), "unknownCategory");
        var targetGroups = Terms(line, TargetGroup, Cell(TargetGroup), nameof(TaxonomyKind.TargetGroup), "unknownTargetGroup");
        var operatorText = Cell(Operator);
        Guid? operatorId = operatorText is null ? null : Actor(line, Operator, operatorText);
        var funders = new List<Guid>();
        if (Cell(Funders) is { } funderText)
            foreach (var name in Split(funderText))
                if (Actor(line, Funders, name) is { } fid && !funders.Contains(fid)) funders.Add(fid);
        var hasAges = Cell(Ages) is not null || Cell(MinimumAge) is not null || Cell(MaximumAge) is not null;
        var (minAge, maxAge) = Cell(Ages) is { } ages ? AgesOf(line, ages) : BoundsOf(line, Cell(MinimumAge), Cell(MaximumAge));
        var capacity = Number(Capacity, thousands: true);
        if (capacity is < 0 or > 1_000_000)
            Add(line, Capacity, "outOfRange", Messages.Import_CapacityRange, ("value", capacity));
        var unit = UnitOf(line, Cell(CapacityUnit));
        var fundingEnd = Date(line, FundingEnd, Cell(FundingEnd));
        if (fundingEnd is not null && funders.Count == 0 && Cell(Funders) is null)
            Add(line, FundingEnd, "required", Messages.Import_FundingEndNeedsFunders);
        var status = StatusOf(line, Cell(Status));

        if (externalId is not null)
        {
            if (seen.TryGetValue(externalId, out var first))
                Add(line, ExternalId, "duplicate", Domain.Common.Text.Format(Messages.Import_SameExternalId, first), ("first", first));
            else seen[externalId] = line;
        }
        if (report.Count > before) return null;
        return new InventoryImportRow
        {
            Line = line, ExternalId = externalId!, ServiceExternalId = serviceExternalId ?? externalId!,
            LocationExternalId = locationExternalId ?? externalId!, LocationName = locationName!,
            Street = street, PostalCode = postalCode, City = city, Latitude = latitude, Longitude = longitude, SpaceId = spaceId,
            SpaceDerived = derived, ServiceName = serviceName!, CategoryIds = categories, OperatorId = operatorId,
            HasOperator = operatorText is not null, TargetGroupIds = targetGroups, MinimumAge = minAge, MaximumAge = maxAge,
            HasAges = hasAges, Capacity = capacity, CapacityUnit = unit, FunderIds = funders, FundingEnd = fundingEnd,
            Status = status,
        };
    }

    private void Add(int line, string column, string code, string message, params (string Name, object? Value)[] args) =>
        report.Add(line, null, column, code, message, args);

    private string? Required(int line, string column, string? text, int max)
    {
        if (text is null) { Add(line, column, "required", Domain.Common.Text.Format(Messages.Import_ColumnRequired, column)); return null; }
        return Text(line, column, text, max);
    }

    private string? Text(int line, string column, string? text, int max)
    {
        if (text is null || text.Length <= max) return text;
        Add(line, column, "tooLong", Domain.Common.Text.Format(Messages.Import_TooLong, column, max), ("max", max));
        return null;
    }

    /// <summary>A number as <see cref="ImportNumbers"/> reads it; one that could mean two values is an error
    /// (ambiguousNumber) naming both and how to write it.</summary>
    private double? Number(int line, string column, string? text, NumberNotation notation, bool thousands)
    {
        if (text is null) return null;
        var reading = ImportNumbers.Read(text, notation, thousands);
        if (reading.IsAmbiguous)
        {
            // the decimal mark of the first reading (German: ',') is the mark in question when it comes last
            var mark = text.LastIndexOf(',') > text.LastIndexOf('.') ? ',' : '.';
            Add(line, column, "ambiguousNumber",
                Domain.Common.Text.Format(Messages.Import_AmbiguousNumber, text, column, reading.Value, reading.Other, mark),
                ("value", text), ("either", reading.Value), ("or", reading.Other));
            return null;
        }
        if (reading.Value is { } v) return v;
        var german = notation == NumberNotation.German;
        Add(line, column, "notANumber",
            Domain.Common.Text.Format(german ? Messages.Import_NotANumberComma : Messages.Import_NotANumber, text),
            ("value", text), ("decimalComma", german));
        return null;
    }

    private static string[] Split(string text) =>
        text.Split([';', '|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private List<Guid>? Terms(int line, string column, string? text, string kind, string code)
    {
        if (text is null) return null;
        var ids = new List<Guid>();
        foreach (var c in text.Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (terms.TryGetValue(c, out var term) && term.Kind.Equals(kind, StringComparison.OrdinalIgnoreCase))
            {
                if (!ids.Contains(term.Id)) ids.Add(term.Id);
            }
            else Add(line, column, code, Domain.Common.Text.Format(
                kind == nameof(TaxonomyKind.TargetGroup) ? Messages.Field_NoTargetGroupWithCode : Messages.Field_NoCategoryWithCode, c),
                ("value", c));
        }
        return ids;
    }

    private Guid? Actor(int line, string column, string text)
    {
        if (Guid.TryParse(text, out var id))
        {
            if (actorIds.Contains(id)) return id;
            Add(line, column, "unknownActor", Domain.Common.Text.Format(Messages.Import_UnknownActorId, text), ("value", text));
            return null;
        }
        if (actorsByName.TryGetValue(text.Trim(), out var ids))
        {
            if (ids.Count == 1) return ids[0];
            Add(line, column, "ambiguousActor",
                Domain.Common.Text.Format(Messages.Import_AmbiguousActor, ids.Count, text), ("value", text));
            return null;
        }
        Add(line, column, "unknownActor", Domain.Common.Text.Format(Messages.Import_UnknownActorName, text), ("value", text));
        return null;
    }

    /// <summary>"3-6", "3 bis 6", "ab 60", "60+", "bis 27", "-27" or one age.</summary>
    private (int?, int?) AgesOf(int line, string? text)
    {
        if (text is null) return (null, null);
        var t = text.ToLowerInvariant().Replace("jahre", "", StringComparison.Ordinal).Replace("j.", "", StringComparison.Ordinal)
            .Replace(" bis ", "-", StringComparison.Ordinal).Replace("–", "-", StringComparison.Ordinal).Trim();
        int? min = null, max = null;
        bool Parse(string s, out int? v)
        {
            v = null;
            s = s.Trim();
            if (s.Length == 0) return true;
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxAge) { v = n; return true; }
            return false;
        }
        var ok = t.StartsWith("ab ", StringComparison.Ordinal) ? Parse(t[3..], out min)
            : t.EndsWith('+') ? Parse(t[..^1], out min)
            : t.StartsWith("bis ", StringComparison.Ordinal) ? Parse(t[4..], out max)
            : t.Contains('-', StringComparison.Ordinal) ? Parse(t[..t.IndexOf('-', StringComparison.Ordinal)], out min)
                && Parse(t[(t.IndexOf('-', StringComparison.Ordinal) + 1)..], out max)
            : Parse(t, out min) && (max = min) is var _;
        if (!ok || (min is null && max is null))
        {
            Add(line, Ages, "notAnAgeRange", Domain.Common.Text.Format(Messages.Import_NotAnAgeRange, text, MaxAge), ("value", text));
            return (null, null);
        }
        if (min > max)
        {
            Add(line, Ages, "notAnAgeRange", Domain.Common.Text.Format(Messages.Import_AgesReversed, text), ("value", text));
            return (null, null);
        }
        return (min, max);
    }

    /// <summary>The ages from minimum_age and maximum_age (the export's columns): whole years from 0 to 120, either may be
    /// empty.</summary>
    private (int?, int?) BoundsOf(int line, string? minText, string? maxText)
    {
        int? Bound(string column, string? text)
        {
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxAge) return n;
            Add(line, column, "notAnAgeRange", Domain.Common.Text.Format(Messages.Import_NotAnAgeRange, text, MaxAge), ("value", text));
            return null;
        }
        var (min, max) = (Bound(MinimumAge, minText), Bound(MaximumAge, maxText));
        if (min > max)
        {
            var range = $"{minText}-{maxText}";
            Add(line, MinimumAge, "notAnAgeRange", Domain.Common.Text.Format(Messages.Import_AgesReversed, range), ("value", range));
            return (null, null);
        }
        return (min, max);
    }

    private string UnitOf(int line, string? text)
    {
        if (text is null) return "Places";
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        switch (t)
        {
            case "places" or "plaetze" or "plätze" or "platz": return "Places";
            case "hoursperweek" or "stundenprowoche" or "wochenstunden" or "std/woche": return "HoursPerWeek";
            case "consultationspermonth" or "beratungenpromonat" or "beratungen/monat": return "ConsultationsPerMonth";
            default:
                Add(line, CapacityUnit, "notAUnit",
                    Domain.Common.Text.Format(Messages.Import_NotACapacityUnit, text),
                    ("value", text));
                return "Places";
        }
    }

    /// <summary>yyyy-MM-dd, dd.MM.yyyy or an Excel date serial number (an XLSX date cell).</summary>
    private DateOnly? Date(int line, string column, string? text)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d))
            return d;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466)
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        Add(line, column, "notADate", Domain.Common.Text.Format(Messages.Import_NotADate, text), ("value", text));
        return null;
    }

    private string? StatusOf(int line, string? text)
    {
        if (text is null) return null;
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        string? s = t switch
        {
            "active" or "aktiv" => "Active",
            "inactive" or "inaktiv" => "Inactive",
            "defunct" or "eingestellt" or "geschlossen" => "Defunct",
            "temporarilyclosed" or "vorübergehendgeschlossen" or "voruebergehendgeschlossen" => "TemporarilyClosed",
            _ => null,
        };
        if (s is null)
            Add(line, Status, "notAStatus",
                Domain.Common.Text.Format(Messages.Import_NotAServiceStatus, text), ("value", text));
        return s;
    }
}
