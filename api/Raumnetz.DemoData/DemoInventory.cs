using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.DemoData;

/// <summary>Opening hours of a facility: the weekdays, and when it opens and closes on them ("HH:mm").</summary>
public sealed record DemoHours(IReadOnlyList<Weekday> Days, string Opens, string Closes, string? Description = null);

/// <summary>
/// A funding of a demo service. Dates are relative to the day of seeding so that "funding ends soon" always has entries:
/// <see cref="StartedYearsAgo"/> before today, and <see cref="EndsInDays"/> from today (null: open-ended).
/// </summary>
public sealed record DemoFunding(string FunderName, string Programme, decimal AmountPerYear, decimal SharePercent, int StartedYearsAgo,
    int? EndsInDays, RenewalStatus Renewal, string? Note = null);

/// <summary>
/// A capacity figure of a demo service at its facility: maximum and the available figures of the last year
/// (oldest first; each is recorded as of today minus <c>DaysAgo</c>).
/// </summary>
public sealed record DemoCapacity(CapacityUnit Unit, double Maximum, IReadOnlyList<(int DaysAgo, double Available)> History);

/// <summary>
/// A service (Angebot) of the demo data set, run by <see cref="OperatorName"/> (an actor of the demo data set, by name).
/// <see cref="VerifiedMonthsAgo"/>: when its record was last checked (null: never); more than twelve months is overdue.
/// <see cref="VerifiedInRound"/>: verified again during the open inventory round (after the round began).
/// </summary>
public sealed record DemoService(
    string Key,
    string Name,
    string Description,
    string OperatorName,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> TargetGroups,
    int? MinimumAge = null,
    int? MaximumAge = null,
    IReadOnlyList<DemoFunding>? Fundings = null,
    DemoCapacity? Capacity = null,
    int? VerifiedMonthsAgo = 3,
    bool VerifiedInRound = false,
    IReadOnlyList<string>? NetworkNames = null,
    string? ApplicationProcess = null,
    bool? IsFree = true,
    string? FeesDescription = null,
    ServiceStatus Status = ServiceStatus.Active,
    IReadOnlyList<string>? Languages = null);

/// <summary>
/// A facility (Einrichtung, a location) of the demo data set with the services offered there. The space is set by hand where
/// the finer space has no geometry; elsewhere it is derived from the coordinates, which lie inside the demo space's shape (see
/// <see cref="DemoSpaces"/>; in Marzahn-Hellersdorf the LOR Prognoseraum valid today).
/// </summary>
public sealed record DemoFacility(
    string Key,
    string Name,
    string Street,
    string PostalCode,
    string City,
    double Latitude,
    double Longitude,
    string ExpectedSpaceCode,
    bool SetSpaceByHand,
    string OwnerName,
    (bool StepFree, bool Toilet, bool Lift, bool HearingLoop, string Description) Accessibility,
    IReadOnlyList<DemoHours> Hours,
    IReadOnlyList<DemoService> Services,
    string? Transportation = null,
    bool SummerBreak = false,
    IReadOnlyList<string>? Languages = null);

/// <summary>
/// The inventory of the demo data set (issue 12): facilities and services in Teltow, the Dortmund Nordstadt and the large
/// housing estates of Marzahn-Hellersdorf, run and funded by the demo actors. Kinds and mixes follow the seed documents (the
/// "Finanzierungspuzzle" of several funders, short funding terms); names of small local facilities, addresses, amounts and
/// dates are invented for the demo. No persons are named: contacts are offices with addresses under example.org.
/// </summary>
public static class DemoInventory
{
    private static readonly Weekday[] MonToFri = [Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday];
    private static readonly Weekday[] MonToThu = [Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday];

    private static DemoHours H(IReadOnlyList<Weekday> days, string opens, string closes, string? description = null) =>
        new(days, opens, closes, description);

    private static (bool, bool, bool, bool, string) Access(bool stepFree, bool toilet, bool lift, bool loop, string description) =>
        (stepFree, toilet, lift, loop, description);

    /// <summary>The inventory round of the demo data set: Marzahn-Hellersdorf, half done.</summary>
    public const string RoundName = "Bestandsaufnahme Großsiedlungen Marzahn-Hellersdorf";

    /// <summary>The region of <see cref="RoundName"/>.</summary>
    public const string RoundSpaceCode = "BE-10";

    /// <summary>All demo facilities with their services.</summary>
    public static readonly IReadOnlyList<DemoFacility> Facilities =
    [
        // ---- Teltow (Landkreis Potsdam-Mittelmark) ------------------------------------------------------------------
        new("teltow-kita-sonnenschein", "Kita Sonnenschein", "Lindenstraße 12", "14513", "Teltow", 52.4031, 13.2702, "12069616", false,
            "Kita Sonnenschein Teltow",
            Access(true, true, false, false, "Ebenerdiger Eingang über den Gartenweg; Kinderwagenstellplatz im Hof."),
            [H(MonToFri, "06:30", "17:30")],
            [
                new("teltow-kita-sonnenschein", "Kita Sonnenschein – Krippe und Kindergarten",
                    "Kindertagesstätte mit Krippe (ab einem Jahr) und Kindergarten bis zum Schuleintritt; Schwerpunkt Naturpädagogik.",
                    "Kita Sonnenschein Teltow", ["kita"], ["zg-kleinkinder", "zg-kinder", "zg-familien"], 1, 6,
                    [
                        new("Landkreis Potsdam-Mittelmark", "Kita-Finanzierung nach KitaG Brandenburg", 640_000m, 55m, 6, null,
                            RenewalStatus.Secured),
                        new("Stadt Teltow", "Kommunaler Zuschuss Kindertagesbetreuung", 290_000m, 25m, 6, 400, RenewalStatus.Secured),
                    ],
                    new(CapacityUnit.Places, 110, [(365, 11), (180, 5), (30, 2)]), VerifiedMonthsAgo: 4,
                    NetworkNames: ["Fokusgruppe Bildung Teltow"],
                    ApplicationProcess: "Anmeldung mit Kita-Gutschein über die Stadt Teltow; Besichtigung nach Vereinbarung.",
                    IsFree: false, FeesDescription: "Elternbeitrag nach Satzung der Stadt Teltow, einkommensabhängig."),
            ],
            Transportation: "Bus 601 bis Ritterstraße", SummerBreak: true, Languages: ["de", "en"]),

        new("teltow-kita-seehof", "Kita Zwergenland Seehof", "Seehofer Allee 4", "14513", "Teltow", 52.3912, 13.2890, "12069616", false,
            "AWO Kreisverband Potsdam-Mittelmark e.V.",
            Access(true, true, true, false, "Aufzug zum Obergeschoss; barrierefreies WC im Erdgeschoss."),
            [H(MonToFri, "06:00", "17:00")],
            [
                new("teltow-kita-seehof", "Kita Zwergenland – Kindergarten und Hort",
                    "Integrationskita mit Kindergarten und Hortgruppen für die Grundschulkinder aus Seehof.",
                    "AWO Kreisverband Potsdam-Mittelmark e.V.", ["kita", "hort"], ["zg-kinder", "zg-menschen-mit-behinderung"], 3, 12,
                    [
                        new("Landkreis Potsdam-Mittelmark", "Kita-Finanzierung nach KitaG Brandenburg", 510_000m, 60m, 8, null,
                            RenewalStatus.Secured),
                        new("Stadt Teltow", "Kommunaler Zuschuss Kindertagesbetreuung", 170_000m, 20m, 8, null, RenewalStatus.Secured),
                        new("Sozialamt Potsdam-Mittelmark", "Eingliederungshilfe – Integrationsplätze", 95_000m, 10m, 3, 160,
                            RenewalStatus.Applied, "Verlängerung für zwei Jahre beantragt."),
                    ],
                    new(CapacityUnit.Places, 95, [(365, 8), (180, 4), (20, 0)]), VerifiedMonthsAgo: 7,
                    IsFree: false, FeesDescription: "Elternbeitrag nach Satzung, Hort ermäßigt."),
            ]),

        new("teltow-jugendclub", "Jugendfreizeiteinrichtung „Der Club“", "Mahlower Straße 150", "14513", "Teltow", 52.4068, 13.2855,
            "12069616", false, "Stadt Teltow",
            Access(true, true, false, false, "Rampe am Seiteneingang; WC im Erdgeschoss barrierefrei. Obergeschoss nur über Treppe."),
            [H([Weekday.Monday, Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday], "14:00", "20:00"),
                H([Weekday.Friday], "14:00", "22:00", "Freitags Disco und Kino"), H([Weekday.Saturday], "15:00", "21:00")],
            [
                new("teltow-jugendclub-offen", "Offener Jugendtreff Teltow",
                    "Offene Kinder- und Jugendarbeit: Treff, Werkstatt, Bandraum, Hausaufgabenhilfe und Ferienfahrten.",
                    "Jugendclub Teltow e.V.", ["jugendclub"], ["zg-jugendliche", "zg-junge-erwachsene"], 12, 21,
                    [
                        new("Jugendamt Potsdam-Mittelmark", "Jugendförderplan des Landkreises (Personalkostenförderung)", 68_000m, 50m,
                            4, 75,
                            RenewalStatus.Applied, "Antrag auf Fortschreibung liegt beim Jugendhilfeausschuss."),
                        new("Stadt Teltow", "Zuschuss offene Jugendarbeit", 41_000m, 30m, 4, 75, RenewalStatus.Open),
                    ],
                    new(CapacityUnit.HoursPerWeek, 38, [(300, 38), (90, 30), (10, 30)]), VerifiedMonthsAgo: 5,
                    NetworkNames: ["Fokusgruppe Kultur & Freizeit Teltow", "Sozialraumkonferenz Teltow"],
                    ApplicationProcess: "Offen ohne Anmeldung während der Öffnungszeiten."),
                new("teltow-streetwork", "Mobile Jugendarbeit Teltow",
                    "Streetwork an Treffpunkten Jugendlicher im Stadtgebiet, Einzelfallhilfe und Vermittlung in Beratung.",
                    "Diakonie Mittelmark e.V.", ["mobile-jugendarbeit"], ["zg-jugendliche", "zg-junge-erwachsene"], 14, 27,
                    [
                        new("Jugendamt Potsdam-Mittelmark", "Jugendförderplan des Landkreises", 52_000m, 70m, 2, 140, RenewalStatus.Open),
                        new("Stadt Teltow", "Präventionsmittel", 12_000m, 15m, 2, 140, RenewalStatus.Open),
                    ],
                    VerifiedMonthsAgo: 14, NetworkNames: ["Fokusgruppe Kultur & Freizeit Teltow"]),
            ],
            Transportation: "S-Bahn Teltow Stadt, dann 10 Minuten zu Fuß"),

        new("teltow-familienzentrum", "Familienzentrum Teltow", "Potsdamer Straße 47", "14513", "Teltow", 52.3985, 13.2644, "12069616",
            false,
            "Familienzentrum Teltow e.V.",
            Access(true, true, true, true, "Stufenloser Zugang, Aufzug, Wickelraum; Induktionsschleife im Gruppenraum."),
            [H(MonToFri, "09:00", "12:00"), H([Weekday.Tuesday, Weekday.Thursday], "14:00", "18:00", "Nachmittagsangebote")],
            [
                new("teltow-fz-eltern-kind", "Eltern-Kind-Angebote und Familiencafé",
                    "Krabbelgruppen, Elterncafé, Familienbildung und Netzwerk Gesunde Kinder.",
                    "Familienzentrum Teltow e.V.", ["familienzentrum", "fruehe-hilfen"], ["zg-familien", "zg-alleinerziehende",
                        "zg-kleinkinder"], null, null,
                    [
                        new("Jugendamt Potsdam-Mittelmark", "Frühe Hilfen (Bundesstiftung Frühe Hilfen)", 36_000m, 40m, 3, 45,
                            RenewalStatus.Applied),
                        new("Stadt Teltow", "Zuschuss Familienzentrum", 24_000m, 25m, 3, 200, RenewalStatus.Secured),
                        new("Landkreis Potsdam-Mittelmark", "Netzwerk Gesunde Kinder", 15_000m, 15m, 2, 110, RenewalStatus.Open),
                    ],
                    VerifiedMonthsAgo: 2, NetworkNames: ["Fokusgruppe Bildung Teltow"],
                    ApplicationProcess: "Offene Angebote ohne Anmeldung; Kurse mit Anmeldung im Familiencafé.",
                    Languages: ["de", "ru", "ar"]),
                new("teltow-erziehungsberatung", "Erziehungs- und Familienberatung Teltow (Außensprechstunde)",
                    "Beratung für Eltern, Kinder und Jugendliche bei Erziehungsfragen, Trennung und Krisen; vertraulich und kostenlos.",
                    "Caritas-Zentrum Teltow", ["beratung-erziehung"], ["zg-familien", "zg-jugendliche"], null, null,
                    [new("Jugendamt Potsdam-Mittelmark", "Hilfen zur Erziehung (§ 28 SGB VIII)", 88_000m, 90m, 10, null,
                        RenewalStatus.Secured)],
                    new(CapacityUnit.ConsultationsPerMonth, 60, [(120, 6), (30, 3)]), VerifiedMonthsAgo: 13,
                    ApplicationProcess: "Termin telefonisch oder per E-Mail; offene Sprechstunde dienstags."),
            ],
            Languages: ["de", "ru", "ar"]),

        new("teltow-caritas", "Caritas-Zentrum Teltow", "Ruhlsdorfer Straße 9", "14513", "Teltow", 52.3862, 13.2601, "12069616", false,
            "Caritas-Zentrum Teltow",
            Access(false, false, false, false, "Drei Stufen am Eingang, Klingel für Hilfe; Beratung auf Wunsch auch im Familienzentrum."),
            [H(MonToThu, "09:00", "12:30"), H([Weekday.Thursday], "14:00", "17:30")],
            [
                new("teltow-schuldnerberatung", "Schuldner- und Insolvenzberatung Teltow",
                    "Beratung bei Überschuldung, P-Konto-Bescheinigungen und Begleitung ins Verbraucherinsolvenzverfahren.",
                    "Caritas-Zentrum Teltow", ["beratung-schulden"], ["zg-alle", "zg-arbeitsuchende"], 18, null,
                    [
                        new("Landkreis Potsdam-Mittelmark", "Schuldnerberatung nach § 11 SGB XII", 48_000m, 60m, 5, 170,
                            RenewalStatus.Open),
                        new("Jobcenter Potsdam-Mittelmark", "Kommunale Eingliederungsleistungen (§ 16a SGB II)", 22_000m, 30m, 5, 170,
                            RenewalStatus.Open),
                    ],
                    new(CapacityUnit.ConsultationsPerMonth, 45, [(200, 4), (60, 0)]), VerifiedMonthsAgo: 9),
            ],
            Transportation: "Bus 625 bis Ruhlsdorf, Dorfstraße"),

        // ---- Dortmund-Nordstadt (Stadtbezirk Innenstadt-Nord) --------------------------------------------------------
        new("do-schuldnerberatung", "Beratungszentrum Nordmarkt", "Mallinckrodtstraße 114", "44147", "Dortmund", 51.5262, 7.4648,
            "05913-SR-NORDMARKT-SUED", false, "Diakonisches Werk Dortmund und Lünen gGmbH",
            Access(true, true, true, false, "Eingang ebenerdig, Aufzug in alle Etagen; Beratung in leichter Sprache möglich."),
            [H(MonToFri, "09:00", "12:00"), H([Weekday.Tuesday, Weekday.Thursday], "13:30", "17:00")],
            [
                new("do-schuldnerberatung", "Schuldnerberatung Nordstadt",
                    "Existenzsicherung, Haushaltsplanung, Verhandlungen mit Gläubigern, Insolvenzberatung.",
                    "Diakonisches Werk Dortmund und Lünen gGmbH", ["beratung-schulden"], ["zg-alle", "zg-arbeitsuchende"], 18, null,
                    [
                        new("Sozialamt Dortmund", "Kommunale Schuldnerberatung", 210_000m, 60m, 7, null, RenewalStatus.Secured),
                        new("Jobcenter Dortmund", "Kommunale Eingliederungsleistungen (§ 16a SGB II)", 105_000m, 30m, 3, 45,
                            RenewalStatus.Applied, "Folgevereinbarung in Abstimmung."),
                    ],
                    new(CapacityUnit.ConsultationsPerMonth, 160, [(330, 12), (150, 3), (15, 0)]), VerifiedMonthsAgo: 6,
                    ApplicationProcess: "Offene Sprechstunde montags 9–12 Uhr; Termine nach Erstgespräch.",
                    Languages: ["de", "tr", "ar", "bg"]),
                new("do-migrationsberatung", "Migrationsberatung für Erwachsene Nordstadt",
                    "Beratung zu Aufenthalt, Sprachkursen, Anerkennung von Abschlüssen, Arbeit und Wohnen.",
                    "Diakonisches Werk Dortmund und Lünen gGmbH", ["beratung-migration"], ["zg-migration", "zg-gefluechtete"], 27, null,
                    [
                        new("Stadt Dortmund", "Kommunales Integrationsmanagement", 64_000m, 40m, 4, 100, RenewalStatus.Applied),
                        new("Jobcenter Dortmund", "Integrationsbegleitung", 30_000m, 20m, 2, 280, RenewalStatus.Secured),
                    ],
                    VerifiedMonthsAgo: 3, Languages: ["de", "ar", "ro", "bg", "tr"]),
            ],
            Transportation: "U-Bahn Linie U41 bis Leopoldstraße", Languages: ["de", "tr", "ar", "bg"]),

        new("do-suchtberatung", "Suchtberatung Nordstadt", "Oesterholzstraße 60", "44145", "Dortmund", 51.5332, 7.4688,
            "05913-SR-NORDMARKT-NORD", false, "AWO Unterbezirk Dortmund",
            Access(false, true, false, false, "Eine Stufe am Eingang, mobile Rampe auf Anfrage; barrierefreies WC."),
            [H(MonToFri, "09:00", "13:00"), H([Weekday.Monday, Weekday.Wednesday], "14:00", "18:00", "Offene Sprechstunde")],
            [
                new("do-suchtberatung", "Sucht- und Drogenberatung Nordstadt",
                    "Beratung für Menschen mit Alkohol-, Medikamenten- und Drogenproblemen und ihre Angehörigen; Vermittlung in Therapie.",
                    "AWO Unterbezirk Dortmund", ["beratung-sucht"], ["zg-alle", "zg-junge-erwachsene"], 16, null,
                    [
                        new("Sozialamt Dortmund", "Suchthilfe – kommunaler Zuschuss", 180_000m, 65m, 9, null, RenewalStatus.Secured),
                        new("Jugendamt Dortmund", "Suchtprävention für junge Menschen", 28_000m, 10m, 2, 120, RenewalStatus.Open),
                    ],
                    new(CapacityUnit.ConsultationsPerMonth, 140, [(200, 20), (40, 8)]), VerifiedMonthsAgo: 15,
                    ApplicationProcess: "Anonym möglich; offene Sprechstunde montags und mittwochs."),
            ]),

        new("do-jobcenter-nord", "Jobcenter Dortmund – Standort Nordstadt", "Steinstraße 39", "44147", "Dortmund", 51.5236, 7.4592,
            "05913-SR-NORDMARKT-SUED", false, "Jobcenter Dortmund",
            Access(true, true, true, true, "Stufenlos, Aufzug, Induktionsschleife am Empfang; Gebärdensprachdolmetschung nach Anmeldung."),
            [H(MonToFri, "08:00", "12:30"), H([Weekday.Thursday], "14:00", "18:00", "Termine nach Vereinbarung")],
            [
                new("do-jobcenter-nord", "Leistungen und Arbeitsvermittlung (SGB II) Nordstadt",
                    "Bürgergeld, Beratung und Vermittlung in Arbeit und Ausbildung für die Nordstadt.",
                    "Jobcenter Dortmund", ["jobcenter-standort"], ["zg-arbeitsuchende", "zg-junge-erwachsene"], 15, null,
                    VerifiedMonthsAgo: 1, NetworkNames: ["Beirat Jobcenter Dortmund"],
                    ApplicationProcess: "Termin online, telefonisch oder am Empfang.", Languages: ["de", "en", "tr", "ar"]),
            ]),

        new("do-qm-nordstadt", "Quartiersbüro Nordstadt", "Bornstraße 65", "44145", "Dortmund", 51.5295, 7.4436,
            "05913-SR-HAFEN", false, "Quartiersmanagement Nordstadt",
            Access(true, false, false, false, "Ladenlokal mit ebenerdigem Zugang; kein barrierefreies WC."),
            [H([Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday], "10:00", "16:00")],
            [
                new("do-qm-nordstadt", "Quartiersmanagement Nordstadt",
                    "Stadterneuerung mit den Bewohner*innen: Verfügungsfonds, Nachbarschaftsprojekte, Beteiligung und Vernetzung.",
                    "Quartiersmanagement Nordstadt", ["quartiersmanagement"], ["zg-alle"], null, null,
                    [
                        new("Amt für Wohnen und Stadterneuerung Dortmund", "Städtebauförderung „Sozialer Zusammenhalt“", 240_000m, 80m, 5,
                            110, RenewalStatus.Open, "Programmjahr endet; Anschluss offen."),
                        new("DOGEWO21 Dortmunder Gemeinnützige Wohnungsgesellschaft mbH", "Quartiersfonds", 25_000m, 10m, 3, 110,
                            RenewalStatus.Open),
                    ],
                    VerifiedMonthsAgo: 13),
            ]),

        new("do-kita-hafenwiese", "Familienzentrum Kita Hafenwiese", "Schützenstraße 30", "44147", "Dortmund", 51.5381, 7.4415,
            "05913-SR-HAFEN", false, "Familienzentrum Kita Hafenwiese",
            Access(true, true, false, false, "Ebenerdig; Kinderwagen im Flur."),
            [H(MonToFri, "07:00", "16:30")],
            [
                new("do-kita-hafenwiese", "Kita Hafenwiese – Tagesbetreuung",
                    "Kita mit Sprachförderung und Familienzentrum (Elternberatung, Familienbildung).",
                    "Familienzentrum Kita Hafenwiese", ["kita", "familienzentrum"], ["zg-kinder", "zg-familien", "zg-migration"], 2, 6,
                    [
                        new("Jugendamt Dortmund", "Kindpauschalen nach KiBiz", 720_000m, 85m, 10, null, RenewalStatus.Secured),
                        new("Stadt Dortmund", "Zuschuss Familienzentrum NRW", 20_000m, 5m, 4, 230, RenewalStatus.Secured),
                    ],
                    new(CapacityUnit.Places, 75, [(300, 3), (60, 1)]), VerifiedMonthsAgo: 8, IsFree: false,
                    FeesDescription: "Elternbeitrag nach Satzung der Stadt Dortmund; ab dem dritten Lebensjahr frei.",
                    Languages: ["de", "tr", "ar"]),
            ], SummerBreak: true),

        // ---- Berlin, Marzahn-Hellersdorf: the large housing estates ------------------------------------------------
        new("be-stz-marzahn-mitte", "Stadtteilzentrum Marzahn-Mitte", "Marzahner Promenade 38", "12679", "Berlin", 52.5442, 13.5563,
            "BE-10-PGR-1010", false, "Nachbarschaftszentrum Marzahn-Mitte e.V.",
            Access(true, true, true, true, "Stufenlos, Aufzug, barrierefreies WC, Induktionsschleife im Saal."),
            [H(MonToFri, "09:00", "19:00"), H([Weekday.Saturday], "10:00", "14:00", "Samstags Nachbarschaftscafé")],
            [
                new("be-stz-marzahn-mitte", "Stadtteilzentrum Marzahn-Mitte – Nachbarschaftsarbeit",
                    "Nachbarschaftscafé, Sozialberatung, Selbsthilfegruppen, Raumvergabe für Initiativen.",
                    "Nachbarschaftszentrum Marzahn-Mitte e.V.", ["stadtteilzentrum", "beratung-sozial"], ["zg-alle"], null, null,
                    [
                        new("Bezirksamt Marzahn-Hellersdorf", "Infrastrukturförderprogramm Stadtteilzentren", 160_000m, 55m, 6, 330,
                            RenewalStatus.Secured),
                        new("Amt für Soziales Marzahn-Hellersdorf", "Zuwendung Sozialberatung", 45_000m, 15m, 3, 60, RenewalStatus.Applied),
                        new("degewo AG", "Nachbarschaftsförderung", 18_000m, 5m, 2, 150, RenewalStatus.Open),
                    ],
                    VerifiedMonthsAgo: 11, VerifiedInRound: true, NetworkNames: ["AG Soziales (Kompetenzzentrum Großsiedlungen)"],
                    Languages: ["de", "ru", "vi"]),
                new("be-seniorentreff-mitte", "Seniorentreff im Stadtteilzentrum",
                    "Begegnung, Bewegungskurse, Computerhilfe und Mittagstisch für ältere Nachbarinnen und Nachbarn.",
                    "Nachbarschaftszentrum Marzahn-Mitte e.V.", ["seniorentreff"], ["zg-senioren"], 60, null,
                    [new("Amt für Soziales Marzahn-Hellersdorf", "Seniorenarbeit im Bezirk", 30_000m, 70m, 5, 190, RenewalStatus.Open)],
                    new(CapacityUnit.Places, 40, [(200, 10), (30, 6)]), VerifiedMonthsAgo: 10, VerifiedInRound: true),
            ],
            Transportation: "S-Bahn Marzahn, Tram M6", Languages: ["de", "ru", "vi"]),

        new("be-jfe-marzahn-nord", "Jugendfreizeiteinrichtung Betonia", "Havemannstraße 22", "12689", "Berlin", 52.5671, 13.5452,
            "BE-10-PGR-1010", false, "Bezirksamt Marzahn-Hellersdorf",
            Access(true, true, false, false, "Erdgeschoss stufenlos; Tonstudio im Keller nur über Treppe."),
            [H(MonToFri, "13:00", "20:00"), H([Weekday.Saturday], "14:00", "19:00")],
            [
                new("be-jfe-marzahn-nord", "Offene Jugendarbeit Betonia",
                    "Offener Treff, Sport, Tonstudio, Berufsorientierung mit der Jugendberufsagentur.",
                    "Jugendamt Marzahn-Hellersdorf", ["jugendclub"], ["zg-jugendliche"], 10, 21,
                    [
                        new("Jugendamt Marzahn-Hellersdorf", "Jugendförderung nach § 11 SGB VIII", 210_000m, 85m, 8, null,
                            RenewalStatus.Secured),
                        new("Quartiersmanagement Marzahn NordWest", "Projektfonds Sozialer Zusammenhalt", 18_000m, 10m, 1, 30,
                            RenewalStatus.Ended, "Projekt läuft aus."),
                    ],
                    new(CapacityUnit.HoursPerWeek, 40, [(250, 40), (60, 40)]), VerifiedMonthsAgo: 9, VerifiedInRound: true,
                    NetworkNames: ["AG Soziales (Kompetenzzentrum Großsiedlungen)"]),
            ]),

        new("be-familienzentrum-nord", "Familienzentrum Marzahn-Nord", "Wittenberger Straße 50", "12689", "Berlin", 52.5628, 13.5519,
            "BE-10-PGR-1010", false, "Evangelische Kirchengemeinde Marzahn-Nord",
            Access(true, true, false, false, "Stufenloser Zugang über den Kirchhof; Wickelraum."),
            [H(MonToFri, "09:00", "13:00"), H([Weekday.Monday, Weekday.Wednesday], "14:00", "17:30")],
            [
                new("be-familienzentrum-nord", "Familienzentrum Marzahn-Nord",
                    "Familiencafé, Elternkurse, Sprach-Kita-Treff, Beratung für Alleinerziehende.",
                    "Evangelische Kirchengemeinde Marzahn-Nord", ["familienzentrum"], ["zg-familien", "zg-alleinerziehende"], null, null,
                    [
                        new("Jugendamt Marzahn-Hellersdorf", "Landesprogramm Berliner Familienzentren", 95_000m, 70m, 5, 85,
                            RenewalStatus.Applied),
                        new("Quartiersmanagement Marzahn NordWest", "Quartiersfonds", 12_000m, 10m, 1, 85, RenewalStatus.Open),
                    ],
                    VerifiedMonthsAgo: 12, Languages: ["de", "ru", "ar", "fa"]),
                new("be-tafel-marzahn-nord", "Laib und Seele – Ausgabestelle Marzahn-Nord",
                    "Lebensmittelausgabe mit der Tafel für Menschen mit geringem Einkommen, einmal pro Woche.",
                    "Evangelische Kirchengemeinde Marzahn-Nord", ["tafel"], ["zg-alle"], 18, null,
                    VerifiedMonthsAgo: 16, ApplicationProcess: "Berechtigungsnachweis (z. B. Bürgergeldbescheid) bei der ersten Ausgabe.",
                    IsFree: false, FeesDescription: "1 € pro Einkauf."),
            ]),

        new("be-jfe-hellersdorf", "Jugendclub Hellersdorf-Nord", "Zossener Straße 120", "12629", "Berlin", 52.5462, 13.6011,
            "BE-10-PGR-1020", false, "Bezirksamt Marzahn-Hellersdorf",
            Access(false, false, false, false, "Zugang über vier Stufen; barrierefreier Umbau ist beantragt."),
            [H([Weekday.Tuesday, Weekday.Wednesday, Weekday.Thursday, Weekday.Friday], "14:00", "20:00")],
            [
                new("be-jfe-hellersdorf", "Jugendclub Hellersdorf-Nord",
                    "Offener Treff, Mädchentag, Graffiti-Werkstatt und Hausaufgabenhilfe.",
                    "Jugendamt Marzahn-Hellersdorf", ["jugendclub"], ["zg-jugendliche", "zg-kinder"], 8, 18,
                    [
                        new("Jugendamt Marzahn-Hellersdorf", "Jugendförderung nach § 11 SGB VIII", 150_000m, 80m, 6, null,
                            RenewalStatus.Secured),
                        new("degewo AG", "Nachbarschaftsförderung", 20_000m, 10m, 2, 175, RenewalStatus.Open),
                    ],
                    new(CapacityUnit.HoursPerWeek, 30, [(200, 30), (50, 24)]), VerifiedMonthsAgo: null),
            ]),

        new("be-seniorentreff-hellersdorf", "Seniorenbegegnungsstätte Hellersdorf-Ost", "Kastanienallee 55", "12627", "Berlin", 52.5355,
            13.6102, "BE-10-PGR-1020", false, "Bezirksamt Marzahn-Hellersdorf",
            Access(true, true, true, true, "Stufenlos, Aufzug, Induktionsschleife; Rollatorstellplätze."),
            [H(MonToFri, "10:00", "16:00")],
            [
                new("be-seniorentreff-hellersdorf", "Seniorenbegegnungsstätte Hellersdorf-Ost",
                    "Kurse, Ausflüge, Sozialberatung für Ältere und Besuchsdienst.",
                    "Amt für Soziales Marzahn-Hellersdorf", ["seniorentreff"], ["zg-senioren"], 60, null,
                    [new("Amt für Soziales Marzahn-Hellersdorf", "Seniorenarbeit im Bezirk", 85_000m, 100m, 10, null,
                        RenewalStatus.Secured)],
                    VerifiedMonthsAgo: 4, VerifiedInRound: true, Languages: ["de", "ru"]),
            ]),
    ];

    /// <summary>A service recorded after the inventory round began (it shows up as "new" in the round).</summary>
    public static readonly (string FacilityKey, DemoService Service) NewInRound = ("be-stz-marzahn-mitte",
        new("be-mieterberatung", "Mieterberatung im Stadtteilzentrum",
            "Kostenlose Erstberatung zu Mieterhöhungen, Nebenkosten und Wohnungssuche, vierzehntäglich.",
            "Nachbarschaftszentrum Marzahn-Mitte e.V.", ["beratung-sozial", "beratung-wohnungsnot"], ["zg-alle"], 18, null,
            [new("Bezirksamt Marzahn-Hellersdorf", "Bezirkliche Mieterberatung", 24_000m, 100m, 0, 250, RenewalStatus.Secured)],
            VerifiedMonthsAgo: null));

    /// <summary>Who is responsible for what in the round: spaces by code, categories by code.</summary>
    public static readonly IReadOnlyList<(string ActorName, string? SpaceCode, string? CategoryCode)> RoundAssignments =
    [
        ("Jugendamt Marzahn-Hellersdorf", null, "jugendclub"),
        ("Jugendamt Marzahn-Hellersdorf", null, "familienzentrum"),
        ("Amt für Soziales Marzahn-Hellersdorf", null, "seniorentreff"),
        ("Bezirksamt Marzahn-Hellersdorf", "BE-10-PGR-1010", null),
        ("Bezirksamt Marzahn-Hellersdorf", "BE-10-PGR-1020", null),
    ];

    /// <summary>
    /// What would make the seed fail halfway: duplicate keys, shares above 100 %, coordinates outside the expected space.
    /// </summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, DemoSpace> spaces)
    {
        var problems = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Facilities)
        {
            if (!keys.Add(f.Key)) problems.Add($"Facility '{f.Key}': duplicate key.");
            if (f.Name.Length > Limits.Name) problems.Add($"Facility '{f.Key}': name too long.");
            if (!spaces.TryGetValue(f.ExpectedSpaceCode, out var space)) problems.Add($"Facility '{f.Key}': unknown space.");
            else if (!Inside(f, space, spaces)) problems.Add($"Facility '{f.Key}': coordinates outside {f.ExpectedSpaceCode}.");
        }
        var serviceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Facilities.SelectMany(f => f.Services).Append(NewInRound.Service))
        {
            if (!serviceKeys.Add(s.Key)) problems.Add($"Service '{s.Key}': duplicate key.");
            if ((s.Fundings ?? []).Sum(x => x.SharePercent) > 100m) problems.Add($"Service '{s.Key}': shares above 100 %.");
        }
        return problems;
    }

    /// <summary>Inside the shape of the space or, where it has none (set by hand), of the nearest ancestor that has one.</summary>
    private static bool Inside(DemoFacility f, DemoSpace space, IReadOnlyDictionary<string, DemoSpace> spaces) =>
        DemoShapes.Covers(space, spaces, f.Latitude, f.Longitude);
}
