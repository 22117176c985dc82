using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;

namespace Raumnetz.DemoData;

/// <summary>One actor of the demo data set; <see cref="Key"/> is how parents and relations refer to it.</summary>
/// <param name="Type">Code from the actor_types table (migration 0002).</param>
/// <param name="SpaceCodes">Codes of <see cref="DemoSpaces"/> the actor works in.</param>
public sealed record DemoActor(
    string Key,
    ActorKind Kind,
    string Name,
    string Type,
    Sector Sector,
    string? ShortName = null,
    string? ParentKey = null,
    string? Email = null,
    string? Website = null,
    string? Street = null,
    string? PostalCode = null,
    string? City = null,
    IReadOnlyList<string>? SpaceCodes = null,
    IReadOnlyList<string>? Tags = null,
    string? Notes = null);

/// <summary>A directed, typed and dated relation between two demo actors.</summary>
public sealed record DemoRelation(
    string SourceKey,
    string TargetKey,
    RelationType Type,
    bool IsContractual,
    DateOnly? ValidFrom,
    DateOnly? ValidTo = null,
    string? Note = null);

/// <summary>
/// The actors of the demo data set and their relations, built from the kinds of organisations the seed documents
/// name: job centres (formerly ARGE), youth, social and school offices, the five welfare associations and a local
/// umbrella (Liga) of their member organisations, churches, the Kreishandwerkerschaft, the IHK, housing companies,
/// Quartiersmanagement, the Kompetenzzentrum Großsiedlungen, citizen initiatives, police, schools and Kitas.
/// </summary>
/// <remarks>
/// Public bodies and well-known organisations carry their real names; websites are given only for a few official
/// ones. Small local organisations (schools, Kitas, associations, initiatives, businesses) are invented and say so in
/// their notes. All persons are fictitious, with addresses under example.org; none of the people named in the seed
/// documents appears. Phone numbers are left out on purpose. Every relation, funding period and contract is invented
/// for the demo, modelled on what the seeds report (e.g. the job centre cooperates with the youth office by contract and
/// with the school office without one; short-term funding programmes run out).
/// </remarks>
public static class DemoActors
{
    private const string Invented = "Fiktiver Demo-Eintrag.";

    private static DemoActor Org(string key, string name, string type, Sector sector, string? shortName = null, string? parent = null,
        string? postalCode = null, string? city = null, IReadOnlyList<string>? spaces = null, IReadOnlyList<string>? tags = null,
        string? notes = null, string? website = null, string? street = null)
        => new(key, ActorKind.Organisation, name, type, sector, shortName, parent, null, website, street, postalCode, city, spaces, tags,
            notes);

    private static DemoActor Person(string key, string name, string email, Sector sector, string organisation, string role,
        IReadOnlyList<string>? spaces = null, IReadOnlyList<string>? tags = null)
        => new(key, ActorKind.Person, name, "person", sector, null, organisation, email, null, null, null, null, spaces, tags,
            $"{role} Fiktive Person.");

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>All demo actors, every parent before its members.</summary>
    public static readonly IReadOnlyList<DemoActor> Actors =
    [
        // ---- Landkreis Potsdam-Mittelmark --------------------------------------------------------------------
        Org("pm-kreis", "Landkreis Potsdam-Mittelmark", "public-authority", Sector.Public, "LK Potsdam-Mittelmark",
            postalCode: "14806", city: "Bad Belzig", spaces: ["12069"], tags: ["Kreisverwaltung", "Sozialcontrolling"],
            notes: "Kreisverwaltung mit Sitz in Bad Belzig; strategisches und operatives Sozialcontrolling.",
            website: "https://www.potsdam-mittelmark.de"),
        Org("pm-regiokoord", "Regionalkoordination Potsdam-Mittelmark", "public-authority", Sector.Public, "Regionalkoordination",
            parent: "pm-kreis", spaces: ["12069-PR1", "12069-PR2", "12069-PR3", "12069-PR4"],
            tags: ["Sozialraumorientierung", "Planungsregionen"],
            notes: "Koordiniert die sozialraumorientierte Arbeit in den vier Planungsregionen und sitzt in den Lenkrunden der Kommunen."),
        Org("pm-jugendamt", "Jugendamt Potsdam-Mittelmark", "youth-office", Sector.Public, "Jugendamt PM", parent: "pm-kreis",
            spaces: ["12069"], tags: ["SGB VIII", "Hilfen zur Erziehung"]),
        Org("pm-sozialamt", "Sozialamt Potsdam-Mittelmark", "social-office", Sector.Public, "Sozialamt PM", parent: "pm-kreis",
            spaces: ["12069"], tags: ["SGB XII"]),
        Org("pm-schulamt", "Schulverwaltungsamt Potsdam-Mittelmark", "school-office", Sector.Public, "Schulverwaltungsamt PM",
            parent: "pm-kreis", spaces: ["12069"], tags: ["Schulträger"]),
        Org("pm-jobcenter", "Jobcenter Potsdam-Mittelmark", "job-centre", Sector.Public, "Jobcenter PM", spaces: ["12069"],
            tags: ["SGB II", "Übergang Schule-Beruf"], notes: "Grundsicherung für Arbeitsuchende im Landkreis."),
        Org("pm-teltow", "Stadt Teltow", "public-authority", Sector.Public, postalCode: "14513", city: "Teltow", spaces: ["12069616"],
            tags: ["Lenkrunde", "Sozialraumkonferenz"], website: "https://www.teltow.de",
            notes: "Pilotkommune der Sozialraumorientierung im Landkreis: Fokusgruppen (z. B. Bildung, Kultur und Freizeit) entsenden "
                + "Vertreterinnen und Vertreter in die Lenkrunde, in der Bürgermeister, Regionalkoordination, Stadtplanung und Finanzen " +
                    "sitzen."),
        Org("pm-werder", "Stadt Werder (Havel)", "public-authority", Sector.Public, postalCode: "14542", city: "Werder (Havel)",
            spaces: ["12069656"], website: "https://www.werder-havel.de"),
        Org("pm-khs", "Kreishandwerkerschaft Potsdam-Mittelmark", "chamber", Sector.PrivateEconomy, "KHS Potsdam-Mittelmark",
            spaces: ["12069"], tags: ["Handwerk", "Berufsausbildung"]),
        Org("ihk-potsdam", "Industrie- und Handelskammer Potsdam", "chamber", Sector.PrivateEconomy, "IHK Potsdam", city: "Potsdam",
            spaces: ["12069"], tags: ["Berufsausbildung"]),

        // ---- The five welfare associations (Land level) and the local umbrella -------------------------------
        Org("awo-bb", "AWO Landesverband Brandenburg e.V.", "welfare-association", Sector.CivilSociety, "AWO Brandenburg", spaces: ["12"]),
        Org("caritas-eb", "Caritasverband für das Erzbistum Berlin e.V.", "welfare-association", Sector.CivilSociety, "Caritas Berlin",
            spaces: ["11", "12"]),
        Org("diakonie-dwbo", "Diakonisches Werk Berlin-Brandenburg-schlesische Oberlausitz e.V.", "welfare-association",
            Sector.CivilSociety,
            "Diakonie DWBO", spaces: ["11", "12"]),
        Org("drk-bb", "DRK-Landesverband Brandenburg e.V.", "welfare-association", Sector.CivilSociety, "DRK Brandenburg", spaces: ["12"]),
        Org("paritaet-bb", "Der Paritätische Landesverband Brandenburg e.V.", "welfare-association", Sector.CivilSociety,
            "Der Paritätische Brandenburg", spaces: ["12"]),
        Org("liga-pm", "Liga der Freien Wohlfahrtspflege Potsdam-Mittelmark", "welfare-association", Sector.CivilSociety, "Liga PM",
            spaces: ["12069"], tags: ["Dachverband", "Freie Wohlfahrtspflege"],
            notes: "Zusammenschluss auf Kreisebene: 19 selbständige Organisationen aus den fünf Wohlfahrtsverbänden (AWO, Caritas, "
                + "Diakonie, DRK, Der Paritätische). Im Demodatensatz ist ein Teil der Mitglieder erfasst."),
        Org("awo-pm", "AWO Kreisverband Potsdam-Mittelmark e.V.", "welfare-association", Sector.CivilSociety, "AWO PM", parent: "liga-pm",
            spaces: ["12069"], tags: ["Kita-Träger"]),
        Org("caritas-teltow", "Caritas-Zentrum Teltow", "welfare-association", Sector.CivilSociety, parent: "liga-pm", postalCode: "14513",
            city: "Teltow", spaces: ["12069-PR1"], tags: ["Migrationsberatung", "Schuldnerberatung"], notes: Invented),
        Org("diakonie-mittelmark", "Diakonie Mittelmark e.V.", "welfare-association", Sector.CivilSociety, parent: "liga-pm",
            spaces: ["12069-PR2", "12069-PR3"], tags: ["Jugendhilfe", "Pflege"], notes: Invented),
        Org("drk-pm", "DRK-Kreisverband Potsdam/Zauch-Belzig e.V.", "welfare-association", Sector.CivilSociety, "DRK Potsdam/Zauch-Belzig",
            parent: "liga-pm", spaces: ["12069"], tags: ["Ambulante Hilfen"]),
        Org("paritaet-pm", "Der Paritätische – Regionalgeschäftsstelle Potsdam-Mittelmark", "welfare-association", Sector.CivilSociety,
            "Parität PM", parent: "liga-pm", spaces: ["12069"], notes: Invented),
        Org("fz-teltow", "Familienzentrum Teltow e.V.", "association", Sector.CivilSociety, parent: "paritaet-pm", postalCode: "14513",
            city: "Teltow", spaces: ["12069616-KERN"], tags: ["Familienbildung", "Frühe Hilfen"],
            notes: "Offener Treff, Elternkurse und Ferienprogramme; die Stellen hängen an befristeten Förderprogrammen. " + Invented),
        Org("jw-werder", "Jugendwerkstatt Werder e.V.", "association", Sector.CivilSociety, parent: "paritaet-pm", postalCode: "14542",
            city: "Werder (Havel)", spaces: ["12069656"], tags: ["Jugendberufshilfe"], notes: Invented),

        // ---- Churches, schools, Kitas and initiatives in the county --------------------------------------------
        Org("ev-teltow", "Evangelische Kirchengemeinde Teltow", "church", Sector.CivilSociety, postalCode: "14513", city: "Teltow",
            spaces: ["12069616"]),
        Org("ev-werder", "Evangelische Kirchengemeinde Werder (Havel)", "church", Sector.CivilSociety, postalCode: "14542",
            city: "Werder (Havel)", spaces: ["12069656"]),
        Org("gs-ruhlsdorf", "Grundschule Ruhlsdorf", "school", Sector.Public, postalCode: "14513", city: "Teltow",
            spaces: ["12069616-RUHLSDORF"], notes: Invented),
        Org("os-werder", "Oberschule Werder (Havel)", "school", Sector.Public, postalCode: "14542", city: "Werder (Havel)",
            spaces: ["12069656-KERN"], notes: Invented),
        Org("kita-teltow", "Kita Sonnenschein Teltow", "daycare", Sector.CivilSociety, postalCode: "14513", city: "Teltow",
            spaces: ["12069616-SEEHOF"], notes: Invented),
        Org("bi-ruhlsdorf", "Nachbarschaftsinitiative Ruhlsdorf", "citizen-initiative", Sector.CivilSociety, city: "Teltow",
            spaces: ["12069616-RUHLSDORF"], tags: ["Bürgerbeteiligung"], notes: "Organisiert Aktionstage und das Dorffest. " + Invented),

        // ---- Dortmund ------------------------------------------------------------------------------------------
        Org("do-stadt", "Stadt Dortmund", "public-authority", Sector.Public, postalCode: "44135", city: "Dortmund", spaces: ["05913"],
            website: "https://www.dortmund.de"),
        Org("do-jugendamt", "Jugendamt Dortmund", "youth-office", Sector.Public, parent: "do-stadt", city: "Dortmund", spaces: ["05913"],
            tags: ["Hilfen zur Erziehung"]),
        Org("do-sozialamt", "Sozialamt Dortmund", "social-office", Sector.Public, parent: "do-stadt", city: "Dortmund", spaces: ["05913"]),
        Org("do-stadterneuerung", "Amt für Wohnen und Stadterneuerung Dortmund", "public-authority", Sector.Public, parent: "do-stadt",
            city: "Dortmund", spaces: ["05913-SB02", "05913-SB05", "05913-SB12"], tags: ["Stadterneuerung", "Soziale Stadt"]),
        Org("do-jha", "Jugendhilfeausschuss der Stadt Dortmund", "public-authority", Sector.Public, "Jugendhilfeausschuss",
            parent: "do-stadt",
            spaces: ["05913"], tags: ["Gremium"]),
        Org("do-schulamt", "Schulamt für die Stadt Dortmund", "school-office", Sector.Public, "Schulamt Dortmund", city: "Dortmund",
            spaces: ["05913"], tags: ["Schulaufsicht"]),
        Org("do-jobcenter", "Jobcenter Dortmund", "job-centre", Sector.Public, city: "Dortmund", spaces: ["05913"],
            tags: ["SGB II", "ARGE"],
            notes: "Gemeinsame Einrichtung von Stadt und Agentur für Arbeit, bis 2010 ARGE Dortmund. Trägerversammlung, Beirat und "
                + "Trägerausschuss verbinden Sozialraum- und Arbeitsmarktpolitik; in drei Sozialräumen wachsen weit überdurchschnittlich "
                + "viele Jugendliche unter benachteiligenden Bedingungen auf."),
        Org("do-awo", "AWO Unterbezirk Dortmund", "welfare-association", Sector.CivilSociety, "AWO Dortmund", city: "Dortmund",
            spaces: ["05913"]),
        Org("do-diakonie", "Diakonisches Werk Dortmund und Lünen gGmbH", "welfare-association", Sector.CivilSociety, "Diakonie Dortmund",
            city: "Dortmund", spaces: ["05913"], tags: ["Wohnungslosenhilfe"]),
        Org("do-qm-nordstadt", "Quartiersmanagement Nordstadt", "other", Sector.CivilSociety, "QM Nordstadt", city: "Dortmund",
            spaces: ["05913-SB02", "05913-SR-HAFEN", "05913-SR-NORDMARKT-NORD", "05913-SR-NORDMARKT-SUED", "05913-SR-BORSIGPLATZ"],
            tags: ["Quartiersmanagement", "Lokale Ökonomie"],
            notes: "Stadtteilbüro für Hafen, Nordmarkt und Borsigplatz: Kümmerer 55+ als Ansprechpartner, Quartiershausmeister, "
                + "Unterstützung von Straßenfesten, Sperrmüllhilfe."),
        Org("do-dogewo", "DOGEWO21 Dortmunder Gemeinnützige Wohnungsgesellschaft mbH", "housing-company", Sector.PrivateEconomy, "DOGEWO21",
            city: "Dortmund", spaces: ["05913"], tags: ["Wohnungswirtschaft"], website: "https://www.dogewo21.de",
            notes: "Kommunales Wohnungsunternehmen."),
        Org("do-polizei-nord", "Polizei Dortmund – Polizeiwache Nord", "police", Sector.Public, "Polizeiwache Nord", city: "Dortmund",
            spaces: ["05913-SB02"]),
        Org("do-gs-nordmarkt", "Grundschule am Nordmarkt", "school", Sector.Public, city: "Dortmund", spaces: ["05913-SR-NORDMARKT-SUED"],
            tags: ["Schulsozialarbeit"], notes: Invented),
        Org("do-kita-hafen", "Familienzentrum Kita Hafenwiese", "daycare", Sector.CivilSociety, city: "Dortmund",
            spaces: ["05913-SR-HAFEN"], notes: Invented),
        Org("do-bi-borsigplatz", "Bürgerinitiative Lebenswerter Borsigplatz", "citizen-initiative", Sector.CivilSociety, city: "Dortmund",
            spaces: ["05913-SR-BORSIGPLATZ"], tags: ["Bürgerbeteiligung", "Sicherheit"], notes: Invented),

        // ---- Landkreis Eichsfeld -------------------------------------------------------------------------------
        Org("eic-kreis", "Landkreis Eichsfeld", "public-authority", Sector.Public, "LK Eichsfeld", postalCode: "37308",
            city: "Heilbad Heiligenstadt", spaces: ["16061"],
            notes: "Der Landkreis nimmt eine gesellschaftliche Bündelfunktion wahr; Kommunen, Vereine, Verbände und Kirchen sind " +
                "zentrale Netzwerkpartner."),
        Org("eic-jugendamt", "Jugendamt Eichsfeld", "youth-office", Sector.Public, parent: "eic-kreis", spaces: ["16061"]),
        Org("eic-sozialamt", "Sozialamt Eichsfeld", "social-office", Sector.Public, parent: "eic-kreis", spaces: ["16061"]),
        Org("eic-jobcenter", "Jobcenter Eichsfeld", "job-centre", Sector.Public, spaces: ["16061"],
            tags: ["SGB II", "Beschäftigungsgelegenheiten"],
            notes: "Setzt auf aufsuchende Hilfen für Familien und Beschäftigungsalternativen für Menschen, die am ersten Arbeitsmarkt " +
                "chancenlos sind."),
        Org("eic-leinefelde-worbis", "Stadt Leinefelde-Worbis", "public-authority", Sector.Public, postalCode: "37327",
            city: "Leinefelde-Worbis",
            spaces: ["16061115"], website: "https://www.leinefelde-worbis.de"),
        Org("eic-dingelstaedt", "Stadt Dingelstädt", "public-authority", Sector.Public, postalCode: "37351", city: "Dingelstädt",
            spaces: ["16061118"]),
        Org("eic-caritas", "Caritas-Regionalstelle Eichsfeld", "welfare-association", Sector.CivilSociety, postalCode: "37308",
            city: "Heilbad Heiligenstadt", spaces: ["16061"], notes: Invented),
        Org("eic-pfarrei-dingelstaedt", "Katholische Pfarrei St. Gertrud Dingelstädt", "church", Sector.CivilSociety, postalCode: "37351",
            city: "Dingelstädt", spaces: ["16061118"]),
        Org("eic-beschaeftigung", "Eichsfelder Ausbildungs- und Beschäftigungsverbund e.V.", "association", Sector.CivilSociety,
            city: "Leinefelde-Worbis", spaces: ["16061"], tags: ["Beschäftigungsgelegenheiten", "Berufsausbildung"],
            notes: "Ausbildungs- und Beschäftigungsträger, der dicht im Leben steht. " + Invented),
        Org("eic-metallbau", "Obereichsfelder Metallbau GmbH", "business", Sector.PrivateEconomy, city: "Heilbad Heiligenstadt",
            spaces: ["16061045"], tags: ["Ausbildungsbetrieb"], notes: "Übernimmt Patenschaften für Ausbildungsprojekte. " + Invented),

        // ---- Landkreis Meißen ----------------------------------------------------------------------------------
        Org("mei-kreis", "Landkreis Meißen", "public-authority", Sector.Public, "LK Meißen", street: "Brauhausstraße 21",
            postalCode: "01662",
            city: "Meißen", spaces: ["14627"], website: "https://www.kreis-meissen.de"),
        Org("mei-jugendamt", "Kreisjugendamt Meißen", "youth-office", Sector.Public, parent: "mei-kreis", spaces: ["14627"]),
        Org("mei-sozialamt", "Sozialamt des Landkreises Meißen", "social-office", Sector.Public, parent: "mei-kreis", spaces: ["14627"]),
        Org("mei-jobcenter", "Jobcenter Meißen", "job-centre", Sector.Public, spaces: ["14627"], tags: ["SGB II"]),
        Org("mei-stadt-meissen", "Stadt Meißen", "public-authority", Sector.Public, postalCode: "01662", city: "Meißen",
            spaces: ["14627140"],
            website: "https://www.stadt-meissen.de"),
        Org("mei-stadt-riesa", "Stadt Riesa", "public-authority", Sector.Public, postalCode: "01587", city: "Riesa", spaces: ["14627230"],
            website: "https://www.riesa.de"),
        Org("mei-wgr", "Wohnungsgesellschaft Riesa mbH", "housing-company", Sector.PrivateEconomy, city: "Riesa",
            spaces: ["14627230", "14627230-WEIDA"], tags: ["Stadtumbau"]),
        Org("mei-diakonie", "Diakonie Riesa-Großenhain gGmbH", "welfare-association", Sector.CivilSociety, city: "Riesa",
            spaces: ["14627230"]),
        Org("mei-stadtteiltreff-weida", "Stadtteiltreff Weida", "other", Sector.CivilSociety, city: "Riesa", spaces: ["14627230-WEIDA"],
            tags: ["Anlaufstelle", "Niedrigschwellig"], notes: "Niedrigschwellige Anlaufstelle mit kurzen Wegen im Wohngebiet. "
                + Invented),
        Org("mei-sozialzentrum", "Modellprojekt Integriertes Sozialzentrum Riesa", "other", Sector.Public, city: "Riesa",
            spaces: ["14627230"], tags: ["Modellprojekt"],
            notes: "In Planung: die Detailplanung ist verschoben, bis ein Grobkonzept für eine flächendeckende Struktur vorliegt. "
                + Invented),

        // ---- Berlin Marzahn-Hellersdorf ------------------------------------------------------------------------
        Org("be-bezirksamt", "Bezirksamt Marzahn-Hellersdorf", "public-authority", Sector.Public, city: "Berlin", spaces: ["BE-10"]),
        Org("be-jugendamt", "Jugendamt Marzahn-Hellersdorf", "youth-office", Sector.Public, parent: "be-bezirksamt", city: "Berlin",
            spaces: ["BE-10"]),
        Org("be-sozialamt", "Amt für Soziales Marzahn-Hellersdorf", "social-office", Sector.Public, parent: "be-bezirksamt", city: "Berlin",
            spaces: ["BE-10"]),
        Org("be-schulamt", "Schul- und Sportamt Marzahn-Hellersdorf", "school-office", Sector.Public, parent: "be-bezirksamt",
            city: "Berlin",
            spaces: ["BE-10"]),
        Org("be-jobcenter", "Jobcenter Berlin Marzahn-Hellersdorf", "job-centre", Sector.Public, city: "Berlin", spaces: ["BE-10"],
            tags: ["SGB II"]),
        Org("be-degewo", "degewo AG", "housing-company", Sector.PrivateEconomy, "degewo", city: "Berlin",
            spaces: ["BE-10-PGR-1010"], tags: ["Wohnungswirtschaft", "Großsiedlung"], website: "https://www.degewo.de",
            notes: "Landeseigene Wohnungsbaugesellschaft mit großem Bestand in der Großsiedlung Marzahn."),
        Org("be-qm-marzahn", "Quartiersmanagement Marzahn NordWest", "other", Sector.CivilSociety, "QM Marzahn NordWest", city: "Berlin",
            spaces: ["BE-10-PGR-1010"], tags: ["Quartiersmanagement"]),
        Org("be-kompetenzzentrum", "Kompetenzzentrum Großsiedlungen e.V.", "association", Sector.CivilSociety, city: "Berlin",
            spaces: ["BE-10-PGR-1010", "BE-10-PGR-1020"], tags: ["Großsiedlung", "AG Soziales"],
            notes: "Verein von Wohnungsunternehmen, Verbänden und Kommunen; die AG Soziales trifft sich seit Mai 2012 alle drei bis vier "
                + "Monate und arbeitet an einem Positionspapier zu sozialer Mischung und Stabilität in Großsiedlungen."),
        Org("be-nachbarschaftszentrum", "Nachbarschaftszentrum Marzahn-Mitte e.V.", "association", Sector.CivilSociety, city: "Berlin",
            spaces: ["BE-10-PGR-1010"], tags: ["Nachbarschaft"], notes: Invented),
        Org("be-ev-marzahn-nord", "Evangelische Kirchengemeinde Marzahn-Nord", "church", Sector.CivilSociety, city: "Berlin",
            spaces: ["BE-10-PGR-1010"]),

        // ---- Persons (fictitious) -------------------------------------------------------------------------------
        Person("p-lehmann", "Katrin Lehmann", "katrin.lehmann@example.org", Sector.Public, "pm-regiokoord",
            "Regionalkoordinatorin für die Planungsregion Teltow.", ["12069-PR1"], ["Lenkrunde"]),
        Person("p-wagner", "Jens Wagner", "jens.wagner@example.org", Sector.Public, "pm-jugendamt", "Jugendhilfeplaner."),
        Person("p-hoffmann", "Sabine Hoffmann", "sabine.hoffmann@example.org", Sector.Public, "pm-jobcenter",
            "Teamleiterin Markt und Integration, Ansprechpartnerin für das Jugendamt."),
        Person("p-krueger", "Thomas Krüger", "thomas.krueger@example.org", Sector.Public, "pm-teltow",
            "Sozialraumkoordinator, führt die Geschäfte der Lenkrunde.", ["12069616"], ["Lenkrunde"]),
        Person("p-fischer", "Andrea Fischer", "andrea.fischer@example.org", Sector.CivilSociety, "liga-pm", "Sprecherin der Liga."),
        Person("p-hesse", "Frank Hesse", "frank.hesse@example.org", Sector.PrivateEconomy, "pm-khs",
            "Geschäftsführer, zuständig für Ausbildungspatenschaften."),
        Person("p-demir", "Ayşe Demir", "ayse.demir@example.org", Sector.CivilSociety, "do-qm-nordstadt", "Quartiersmanagerin.",
            ["05913-SB02"]),
        Person("p-schulte", "Michael Schulte", "michael.schulte@example.org", Sector.Public, "do-jobcenter",
            "Bereichsleiter, ständiger Gast im Jugendhilfeausschuss."),
        Person("p-brinkmann", "Claudia Brinkmann", "claudia.brinkmann@example.org", Sector.Public, "do-jugendamt",
            "Jugendhilfeplanerin für die Nordstadt.", ["05913-SB02"]),
        Person("p-nowak", "Stefan Nowak", "stefan.nowak@example.org", Sector.Public, "do-schulamt", "Schulaufsicht Grundschulen."),
        Person("p-doering", "Monika Döring", "monika.doering@example.org", Sector.Public, "eic-sozialamt",
            "Sachgebietsleiterin Hilfe zum Lebensunterhalt."),
        Person("p-gerlach", "Bernhard Gerlach", "bernhard.gerlach@example.org", Sector.CivilSociety, "eic-pfarrei-dingelstaedt",
            "Pfarrer."),
        Person("p-seidel", "Uta Seidel", "uta.seidel@example.org", Sector.Public, "mei-kreis",
            "Sozialplanerin, verantwortlich für die Bestandsaufnahme der sozialen Infrastruktur."),
        Person("p-winkler", "Lars Winkler", "lars.winkler@example.org", Sector.Public, "mei-stadt-riesa",
            "Stadtteilmanager für Riesa-Weida.",
            ["14627230-WEIDA"]),
        Person("p-kowalski", "Jana Kowalski", "jana.kowalski@example.org", Sector.CivilSociety, "be-kompetenzzentrum",
            "Koordinatorin der AG Soziales."),
        Person("p-baumann", "René Baumann", "rene.baumann@example.org", Sector.PrivateEconomy, "be-degewo", "Sozialmanagement Marzahn.",
            ["BE-10-PGR-1010"]),
    ];

    /// <summary>All demo relations (source → target).</summary>
    public static readonly IReadOnlyList<DemoRelation> Relations =
    [
        // Potsdam-Mittelmark: the job centre with the offices, by contract and without.
        new("pm-jobcenter", "pm-jugendamt", RelationType.CooperationAgreement, true, D(2012, 1, 1), null,
            "Kooperationsvereinbarung Übergang Schule–Beruf und gemeinsame Fallberatung für junge Menschen unter 25."),
        new("pm-jobcenter", "pm-sozialamt", RelationType.CooperationAgreement, true, D(2013, 7, 1), null,
            "Vereinbarung über die Übergabe von Fällen zwischen SGB II und SGB XII."),
        new("pm-jobcenter", "pm-schulamt", RelationType.CooperationAgreement, false, D(2016, 9, 1), null,
            "Ohne Vertrag: Berufsorientierung an Oberschulen."),
        new("pm-regiokoord", "pm-teltow", RelationType.Delegation, false, D(2016, 1, 1), null, "Sitz in der Lenkrunde Teltow."),
        new("pm-jugendamt", "drk-pm", RelationType.ServiceContract, true, D(2020, 1, 1), D(2026, 12, 31),
            "Leistungsvertrag ambulante Hilfen zur Erziehung."),
        new("pm-kreis", "fz-teltow", RelationType.Funding, true, D(2024, 1, 1), D(2026, 6, 30),
            "Kreisprogramm Familienzentren, befristet; Anschlussfinanzierung offen."),
        new("pm-kreis", "jw-werder", RelationType.Funding, true, D(2022, 1, 1), D(2024, 12, 31),
            "Projektförderung Jugendberufshilfe, ausgelaufen."),
        new("pm-khs", "pm-jobcenter", RelationType.Partnership, false, D(2018, 3, 1), null, "Ausbildungsplatzakquise im Handwerk."),
        new("ihk-potsdam", "pm-jobcenter", RelationType.Partnership, false, D(2019, 1, 1), null, "Gemeinsame Ausbildungsbörse."),
        new("awo-pm", "kita-teltow", RelationType.Operation, false, D(2009, 8, 1), null, "Trägerschaft."),
        new("pm-teltow", "gs-ruhlsdorf", RelationType.Operation, false, D(2003, 10, 26), null, "Schulträger."),
        new("pm-werder", "os-werder", RelationType.Operation, false, D(2003, 10, 26), null, "Schulträger."),

        // The Liga: the members of the five associations belong to the umbrella (also as parent).
        new("awo-pm", "liga-pm", RelationType.UmbrellaMembership, false, D(1994, 1, 1)),
        new("caritas-teltow", "liga-pm", RelationType.UmbrellaMembership, false, D(1998, 1, 1)),
        new("diakonie-mittelmark", "liga-pm", RelationType.UmbrellaMembership, false, D(1994, 1, 1)),
        new("drk-pm", "liga-pm", RelationType.UmbrellaMembership, false, D(1994, 1, 1)),
        new("paritaet-pm", "liga-pm", RelationType.UmbrellaMembership, false, D(1994, 1, 1)),
        new("fz-teltow", "paritaet-pm", RelationType.UmbrellaMembership, false, D(2010, 1, 1)),
        new("jw-werder", "paritaet-pm", RelationType.UmbrellaMembership, false, D(2012, 1, 1)),
        new("awo-pm", "awo-bb", RelationType.Membership, false, D(1991, 1, 1), null, "Gliederung des Landesverbands."),
        new("caritas-teltow", "caritas-eb", RelationType.Membership, false, D(1998, 1, 1)),
        new("diakonie-mittelmark", "diakonie-dwbo", RelationType.Membership, false, D(1994, 1, 1)),
        new("drk-pm", "drk-bb", RelationType.Membership, false, D(1991, 1, 1)),
        new("paritaet-pm", "paritaet-bb", RelationType.Membership, false, D(1994, 1, 1)),

        // Dortmund: the ARGE / job centre in the city's political and operative networks.
        new("do-jobcenter", "do-jugendamt", RelationType.CooperationAgreement, true, D(2006, 1, 1), null,
            "Vertragliche Kooperation (seit ARGE-Zeiten)."),
        new("do-jobcenter", "do-sozialamt", RelationType.CooperationAgreement, true, D(2006, 1, 1), null,
            "Vertragliche Kooperation; die Übergabe von Fällen funktioniert sehr gut."),
        new("do-jobcenter", "do-schulamt", RelationType.CooperationAgreement, false, D(2008, 1, 1), null,
            "Ohne Vertrag: Unterstützung von Schulen in sozialen Brennpunkten."),
        new("do-jobcenter", "do-stadterneuerung", RelationType.CooperationAgreement, false, D(2008, 1, 1), null,
            "Ohne Vertrag: Stadtteile mit besonderem Erneuerungsbedarf, Wohnumfeldverbesserung mit Bürgerbeteiligung."),
        new("do-jobcenter", "do-awo", RelationType.CooperationAgreement, false, D(2010, 1, 1), null,
            "Ohne Vertrag: soziale Dienstleistungen und klar definierte Arbeitsmarktprojekte."),
        new("do-stadt", "do-jobcenter", RelationType.Delegation, false, D(2005, 1, 1), null, "Trägerversammlung und Trägerausschuss."),
        new("do-jobcenter", "do-jha", RelationType.Delegation, false, D(2007, 1, 1), null, "Ständig vertreten."),
        new("do-jobcenter", "do-qm-nordstadt", RelationType.Funding, true, D(2023, 1, 1), D(2025, 12, 31),
            "Kümmerer 55+ als Ansprechpartner im Quartier, Dreijahresförderung."),
        new("do-stadterneuerung", "do-qm-nordstadt", RelationType.Funding, true, D(2021, 1, 1), D(2026, 12, 31),
            "Städtebauförderung, befristet; personelle Kontinuität offen."),
        new("do-awo", "do-qm-nordstadt", RelationType.Operation, true, D(2021, 1, 1), D(2026, 12, 31), "Träger des Stadtteilbüros."),
        new("do-awo", "do-kita-hafen", RelationType.Operation, false, D(2012, 8, 1), null, "Trägerschaft."),
        new("do-sozialamt", "do-diakonie", RelationType.ServiceContract, true, D(2019, 1, 1), null, "Hilfen für Wohnungslose."),
        new("do-dogewo", "do-qm-nordstadt", RelationType.Partnership, false, D(2021, 1, 1), null, "Quartiershausmeister."),
        new("do-polizei-nord", "do-bi-borsigplatz", RelationType.Partnership, false, D(2022, 5, 1), null,
            "Sicherheitsgespräche im Quartier."),
        new("do-jugendamt", "do-gs-nordmarkt", RelationType.CooperationAgreement, true, D(2020, 8, 1), null, "Schulsozialarbeit."),

        // Eichsfeld
        new("eic-jobcenter", "eic-jugendamt", RelationType.CooperationAgreement, true, D(2011, 1, 1), null,
            "Aufsuchende Hilfen für Familien."),
        new("eic-jobcenter", "eic-beschaeftigung", RelationType.ServiceContract, true, D(2024, 1, 1), D(2025, 12, 31),
            "Beschäftigungsgelegenheiten, jährlich neu vergeben."),
        new("eic-kreis", "eic-beschaeftigung", RelationType.Funding, true, D(2025, 1, 1), D(2026, 12, 31),
            "Kreisförderung Ausbildungsverbund."),
        new("eic-metallbau", "eic-beschaeftigung", RelationType.Partnership, false, D(2019, 9, 1), null,
            "Patenschaft über Ausbildungsprojekte."),
        new("eic-dingelstaedt", "eic-pfarrei-dingelstaedt", RelationType.Partnership, false, D(2019, 1, 1), null,
            "Kirchengemeinde und Bürgermeister werden in alle Projekte eingebunden."),

        // Meißen
        new("mei-jobcenter", "mei-jugendamt", RelationType.CooperationAgreement, true, D(2014, 1, 1), null),
        new("mei-kreis", "mei-sozialzentrum", RelationType.Funding, true, D(2025, 7, 1), D(2026, 12, 31),
            "Planungsmittel für das Grobkonzept."),
        new("mei-diakonie", "mei-stadtteiltreff-weida", RelationType.Operation, false, D(2017, 1, 1), null, "Trägerschaft."),
        new("mei-wgr", "mei-stadtteiltreff-weida", RelationType.Partnership, false, D(2017, 1, 1), null, "Stellt die Räume."),

        // Berlin
        new("be-jobcenter", "be-jugendamt", RelationType.CooperationAgreement, true, D(2015, 1, 1), null, "Jugendberufsagentur."),
        new("be-bezirksamt", "be-qm-marzahn", RelationType.Funding, true, D(2021, 1, 1), D(2026, 12, 31),
            "Programm Sozialer Zusammenhalt, befristet."),
        new("be-degewo", "be-kompetenzzentrum", RelationType.Membership, false, D(2010, 1, 1)),
        new("be-degewo", "be-qm-marzahn", RelationType.Partnership, false, D(2021, 1, 1)),
        new("be-jugendamt", "be-nachbarschaftszentrum", RelationType.ServiceContract, true, D(2023, 1, 1), D(2025, 12, 31),
            "Offene Kinder- und Jugendarbeit."),
    ];

    private static readonly HashSet<string> KnownTypes =
    [
        "public-authority", "job-centre", "youth-office", "social-office", "school-office", "school", "daycare", "welfare-association",
        "church", "association", "citizen-initiative", "business", "chamber", "housing-company", "police", "person", "other",
    ];

    /// <summary>What would make the seed fail halfway, checked on the whole set before anything is written.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlySet<string> spaceCodes)
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, DemoActor>(StringComparer.Ordinal);
        foreach (var a in Actors)
        {
            var at = $"Actor '{a.Key}'";
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > Limits.Name) problems.Add($"{at}: invalid name.");
            if (a.ShortName is { Length: > Limits.ShortName }) problems.Add($"{at}: short name too long.");
            if (a.Notes is { Length: > Limits.Note }) problems.Add($"{at}: notes too long.");
            if (a.Email is { } email && (email.Length > Limits.Email || !email.EndsWith("@example.org", StringComparison.Ordinal)))
                problems.Add($"{at}: e-mail must be an example.org address.");
            if (a.Website is { } url
                && (url.Length > Limits.Url || !Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttps))
                problems.Add($"{at}: website must be an absolute https address.");
            if (!KnownTypes.Contains(a.Type)) problems.Add($"{at}: unknown type '{a.Type}'.");
            if (!Enum.IsDefined(a.Kind) || !Enum.IsDefined(a.Sector)) problems.Add($"{at}: unknown kind or sector.");
            if ((a.Kind == ActorKind.Person) != (a.Type == "person")) problems.Add($"{at}: persons and only persons have type 'person'.");
            if (a.Kind == ActorKind.Person && a.ParentKey is null) problems.Add($"{at}: a person belongs to an organisation.");
            if (a.ParentKey is { } parent)
            {
                if (!seen.TryGetValue(parent, out var p)) problems.Add($"{at}: parent '{parent}' is not defined before it.");
                else if (p.Kind != ActorKind.Organisation) problems.Add($"{at}: parent '{parent}' is not an organisation.");
            }
            if (a.SpaceCodes is { } spaces)
            {
                if (spaces.Count > Limits.Spaces) problems.Add($"{at}: too many spaces.");
                problems.AddRange(spaces.Where(c => !spaceCodes.Contains(c)).Select(c => $"{at}: unknown space '{c}'."));
            }
            if (a.Tags is { } tags && (tags.Count > Limits.Tags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > Limits.Tag)))
                problems.Add($"{at}: invalid tags.");
            if (!seen.TryAdd(a.Key, a)) problems.Add($"{at}: duplicate key.");
        }
        var pairs = new HashSet<(string, string, RelationType)>();
        foreach (var r in Relations)
        {
            var at = $"Relation {r.SourceKey} → {r.TargetKey} ({r.Type})";
            if (!seen.ContainsKey(r.SourceKey) || !seen.ContainsKey(r.TargetKey)) problems.Add($"{at}: unknown actor.");
            if (r.SourceKey == r.TargetKey) problems.Add($"{at}: an actor cannot have a relation with itself.");
            if (r.ValidFrom is { } from && r.ValidTo is { } to && to < from) problems.Add($"{at}: ends before it begins.");
            if (!Enum.IsDefined(r.Type)) problems.Add($"{at}: unknown type.");
            if (r.Note is { Length: > Limits.Note }) problems.Add($"{at}: note too long.");
            if (!pairs.Add((r.SourceKey, r.TargetKey, r.Type))) problems.Add($"{at}: duplicate.");
        }
        return problems;
    }
}
