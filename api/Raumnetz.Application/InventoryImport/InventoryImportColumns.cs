namespace Raumnetz.Application.InventoryImport;

/// <summary>
/// The columns of the inventory import: one row per service at a location, as a county's spreadsheet keeps it. Headers
/// are matched in any case, with spaces, dashes and dots as underscores and umlauts spelled out, in English or German.
/// Required: external_id, location_name, service_name. The inventory export's CSV and XLSX read back: its columns are
/// these by name or alias (service_at_location_external_id, places_maximum, space_code, minimum_age, maximum_age), or
/// informative ones the import reads past (<see cref="ReadPast"/>).
/// </summary>
public static class InventoryImportColumns
{
    public const string ExternalId = "external_id";
    public const string ServiceExternalId = "service_external_id";
    public const string LocationExternalId = "location_external_id";
    public const string LocationName = "location_name";
    public const string Street = "street";
    public const string PostalCode = "postal_code";
    public const string City = "city";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string Space = "space";
    public const string ServiceName = "service_name";
    public const string Category = "category";
    public const string Operator = "operator";
    public const string TargetGroup = "target_group";
    public const string Ages = "ages";
    public const string MinimumAge = "minimum_age";
    public const string MaximumAge = "maximum_age";
    public const string Capacity = "capacity";
    public const string CapacityUnit = "capacity_unit";
    public const string Funders = "funders";
    public const string FundingEnd = "funding_end";
    public const string Status = "status";

    /// <summary>Each column with the headers that name it (normalised: lower case, underscores, umlauts spelled out).</summary>
    public static readonly IReadOnlyList<(string Column, string[] Aliases)> All =
    [
        (ExternalId, ["external_id", "externe_id", "id", "angebot_id", "angebots_id", "service_at_location_external_id"]),
        (ServiceExternalId, ["service_external_id"]),
        (LocationExternalId, ["location_external_id", "location_id", "standort_id", "einrichtung_id", "einrichtungs_id"]),
        (LocationName, ["location_name", "location", "facility", "einrichtung", "standort", "einrichtung_standort", "name_einrichtung"]),
        (Street, ["street", "address", "strasse", "adresse", "anschrift", "strasse_hausnummer"]),
        (PostalCode, ["postal_code", "postcode", "zip", "plz", "postleitzahl"]),
        (City, ["city", "ort", "stadt", "gemeinde"]),
        (Latitude, ["latitude", "lat", "breite", "breitengrad"]),
        (Longitude, ["longitude", "lon", "lng", "laenge", "laengengrad"]),
        (Space, ["space", "space_code", "sozialraum", "sozialraum_code"]),
        (ServiceName, ["service_name", "service", "angebot", "angebotsname", "name_angebot"]),
        (Category, ["category", "categories", "category_code", "kategorie", "kategorien"]),
        (Operator, ["operator", "traeger", "anbieter", "betreiber"]),
        (TargetGroup, ["target_group", "target_groups", "zielgruppe", "zielgruppen"]),
        (Ages, ["ages", "age", "alter", "altersgruppe"]),
        (MinimumAge, ["minimum_age", "mindestalter", "alter_von"]),
        (MaximumAge, ["maximum_age", "hoechstalter", "alter_bis"]),
        (Capacity, ["capacity", "kapazitaet", "plaetze", "places_maximum"]),
        (CapacityUnit, ["capacity_unit", "einheit", "kapazitaet_einheit"]),
        (Funders, ["funders", "funder", "foerderer", "foerdermittelgeber", "zuwendungsgeber", "finanzierung"]),
        (FundingEnd, ["funding_end", "foerderende", "foerderung_bis", "befristet_bis"]),
        (Status, ["status"]),
    ];

    public static readonly string[] Required = [ExternalId, LocationName, ServiceName];

    /// <summary>
    /// Columns of the inventory export that this import does not write (ids, what is derived, and service details edited in
    /// the app): a header naming one is read past, so that an export imports again.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadPast =
    [
        "service_id", "location_id", "space_name", "places_available", "places_as_of", "languages", "is_free", "eligibility",
        "application_process", "url", "email", "verified_on", "verification_due_on",
    ];

    /// <summary>The column a header names, or null.</summary>
    public static string? Canonical(string header)
    {
        var h = Normalise(header);
        return All.FirstOrDefault(c => c.Aliases.Contains(h)).Column;
    }

    /// <summary>The column a header names by the column's own name (not an alias), or null.</summary>
    public static string? Named(string header)
    {
        var h = Normalise(header);
        return All.Any(c => c.Column == h) ? h : null;
    }

    /// <summary>Whether a header names one of the export's columns the import reads past.</summary>
    public static bool IsReadPast(string header) => ReadPast.Contains(Normalise(header));

    private static string Normalise(string header)
    {
        var h = header.Trim().ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var chars = h.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        var s = new string(chars);
        while (s.Contains("__", StringComparison.Ordinal)) s = s.Replace("__", "_", StringComparison.Ordinal);
        return s.Trim('_');
    }
}
