namespace Raumnetz.Application.InventoryImport;

/// <summary>
/// The columns of the inventory import: one row per service at a location, as a county's spreadsheet keeps it. Headers
/// are matched in any case, with spaces, dashes and dots as underscores and umlauts spelled out, in English or German.
/// Required: external_id, location_name, service_name.
/// </summary>
public static class InventoryImportColumns
{
    public const string ExternalId = "external_id";
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
    public const string Capacity = "capacity";
    public const string CapacityUnit = "capacity_unit";
    public const string Funders = "funders";
    public const string FundingEnd = "funding_end";
    public const string Status = "status";

    /// <summary>Each column with the headers that name it (normalised: lower case, underscores, umlauts spelled out).</summary>
    public static readonly IReadOnlyList<(string Column, string[] Aliases)> All =
    [
        (ExternalId, ["external_id", "externe_id", "id", "angebot_id", "angebots_id"]),
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
        (Capacity, ["capacity", "kapazitaet", "plaetze"]),
        (CapacityUnit, ["capacity_unit", "einheit", "kapazitaet_einheit"]),
        (Funders, ["funders", "funder", "foerderer", "foerdermittelgeber", "zuwendungsgeber", "finanzierung"]),
        (FundingEnd, ["funding_end", "foerderende", "foerderung_bis", "befristet_bis"]),
        (Status, ["status"]),
    ];

    public static readonly string[] Required = [ExternalId, LocationName, ServiceName];

    /// <summary>The column a header names, or null.</summary>
    public static string? Canonical(string header)
    {
        var h = Normalise(header);
        return All.FirstOrDefault(c => c.Aliases.Contains(h)).Column;
    }

    private static string Normalise(string header)
    {
        var h = header.Trim().ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var chars = h.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        var s = new string(chars);
        while (s.Contains("__", StringComparison.Ordinal)) s = s.Replace("__", "_", StringComparison.Ordinal);
        return s.Trim('_');
    }
}
