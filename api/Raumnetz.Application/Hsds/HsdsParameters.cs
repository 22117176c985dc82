using System.Globalization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Hsds;

/// <summary>The filters of an HSDS list, combined as AND.</summary>
public sealed record HsdsFilter
{
    public string? Search { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public Guid? TaxonomyId { get; init; }
    public Guid? OrganizationId { get; init; }
    public DateTimeOffset? ModifiedAfter { get; init; }
    public string? Postcode { get; init; }
    /// <summary>Metres from the centroid of <see cref="Postcode"/>.</summary>
    public double? Proximity { get; init; }
    public Guid? ParentId { get; init; }
    public bool TopOnly { get; init; }
}

/// <summary>
/// The query parameters of an HSDS endpoint, read from the query string: only those the endpoint names are accepted, each at
/// most once, and a bad value is a 400 naming the parameter (<see cref="InvalidFieldException"/>).
/// </summary>
public sealed record HsdsParameters
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 500;
    public const double MaxProximity = 100_000;

    public HsdsFilter Filter { get; init; } = new();
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = DefaultPerPage;
    public bool Minimal { get; init; }
    public bool Full { get; init; }
    public bool FullService { get; init; }

    public const string Services = "search,page,per_page,format,taxonomy_term_id,taxonomy_id,organization_id,modified_after,minimal,full";
    public const string ServiceAtLocations =
        "search,taxonomy_term_id,taxonomy_id,organization_id,modified_after,full,page,per_page,format,postcode,proximity";
    public const string Organizations = "search,full_service,full,modified_after,page,per_page,format";
    public const string OrganizationById = "full_service";
    public const string Taxonomies = "search,page,per_page,format";
    public const string TaxonomyTerms = "search,page,per_page,format,taxonomy_id,top_only,parent_id";

    /// <summary>Reads <paramref name="query"/> with the parameters of <paramref name="allowed"/> (a comma-separated constant
    /// above).</summary>
    public static HsdsParameters Parse(IEnumerable<KeyValuePair<string, string[]>> query, string allowed) =>
        Parse(query, allowed.Split(','));

    /// <summary>Reads <paramref name="query"/>; parameters outside <paramref name="allowed"/> are refused.</summary>
    public static HsdsParameters Parse(IEnumerable<KeyValuePair<string, string[]>> query, IReadOnlyCollection<string> allowed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, list) in query)
        {
            if (!allowed.Contains(name))
                throw new InvalidFieldException(name, Text.Format(Messages.Hsds_UnknownParameter, name, string.Join(", ", allowed)));
            if (list.Length != 1) throw new InvalidFieldException(name, Text.Format(Messages.Hsds_Repeated, name));
            values[name] = list[0];
        }
        string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;
        var search = Get("search");
        if (search is { Length: > Limits.Search })
            throw new InvalidFieldException("search", Text.Format(Messages.Hsds_TooLong, "search", Limits.Search));
        var postcode = Get("postcode");
        if (postcode is not null && (postcode.Trim().Length is 0 or > 20))
            throw new InvalidFieldException("postcode", Text.Format(Messages.Hsds_TooLong, "postcode", 20));
        if (Get("format") is { } format && format != "json")
            throw new InvalidFieldException("format", Text.Format(Messages.Field_OneOf, "format", "json"));
        var proximity = Number(Get("proximity"), "proximity");
        if (proximity is not null && postcode is null)
            throw new InvalidFieldException("proximity", Messages.Hsds_ProximityNeedsPostcode);
        return new HsdsParameters
        {
            Filter = new HsdsFilter
            {
                Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
                TaxonomyTermId = Id(Get("taxonomy_term_id"), "taxonomy_term_id"),
                TaxonomyId = Id(Get("taxonomy_id"), "taxonomy_id"),
                OrganizationId = Id(Get("organization_id"), "organization_id"),
                ModifiedAfter = Instant(Get("modified_after"), "modified_after"),
                Postcode = postcode?.Trim(), Proximity = proximity,
                ParentId = Id(Get("parent_id"), "parent_id"),
                TopOnly = Flag(Get("top_only"), "top_only"),
            },
            Page = Integer(Get("page"), "page", 1, int.MaxValue) ?? 1,
            PerPage = Integer(Get("per_page"), "per_page", 1, MaxPerPage) ?? DefaultPerPage,
            Minimal = Flag(Get("minimal"), "minimal"),
            Full = Flag(Get("full"), "full"),
            FullService = Flag(Get("full_service"), "full_service"),
        };
    }

    private static Guid? Id(string? value, string name) =>
        value is null ? null
        : Guid.TryParseExact(value, "D", out var id) ? id
        : throw new InvalidFieldException(name, Text.Format(Messages.Hsds_NotAnId, name));

    private static int? Integer(string? value, string name, int min, int max) =>
        value is null ? null
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : throw new InvalidFieldException(name, Text.Format(Messages.Hsds_NotAnInteger, name, min, max));

    private static double? Number(string? value, string name) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= MaxProximity ? n
        : throw new InvalidFieldException(name, Text.Format(Messages.Hsds_NotADistance, name, MaxProximity));

    private static bool Flag(string? value, string name) => value switch
    {
        null => false,
        "true" => true,
        "false" => false,
        _ => throw new InvalidFieldException(name, Text.Format(Messages.Hsds_NotABoolean, name)),
    };

    /// <summary>An ISO 8601 date-time with offset (2026-01-31T12:00:00Z) or a date (midnight UTC).</summary>
    private static DateTimeOffset? Instant(string? value, string name)
    {
        if (value is null) return null;
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && value.Contains('T', StringComparison.Ordinal))
            return instant;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        throw new InvalidFieldException(name, Text.Format(Messages.Hsds_NotADateTime, name));
    }
}
