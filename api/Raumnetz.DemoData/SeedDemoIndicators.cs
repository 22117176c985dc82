using System.Globalization;
using System.Text;
using Dapper;
using MediatR;
using Raumnetz.Application.Assessments;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.IndicatorSets;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.DemoData;

/// <summary>
/// Demo indicators, two indicator sets with goals, ten years (2015–2024) of plausible figures for the demo's social
/// spaces and ratings of two soft factors, all through the ordinary commands (the values go through the CSV import).
/// </summary>
/// <remarks>
/// The figures are invented but shaped like the real ones: SGB II rates around 40 % in the Dortmund Nordstadt against
/// about 17 % in the city as a whole, falling until 2019 and rising with the pandemic; employment rates rising slowly;
/// fewer transitions to Gymnasium in the Nordstadt than in the city; youth-welfare cases per 1,000 under-21s. Taking
/// children into care (Inobhutnahmen) is counted in single figures per neighbourhood, so many of those values fall
/// below the small-number threshold and are withheld in exports and for viewers. Some ratings have fewer than three
/// raters and are withheld too. Values follow each space's validity: the Nordmarkt has figures until 2018, its two
/// successors from 2019.
/// </remarks>
internal static class SeedDemoIndicators
{
    public const int FirstYear = 2015;
    public const int LastYear = 2024;

    /// <summary>One demo space with its figures: level of hardship (0 = city average, 1 = the hardest-hit neighbourhoods) and
    /// size.</summary>
    private sealed record Area(string Code, double Hardship, int Population, int From = FirstYear, int To = LastYear);

    private static readonly Area[] Areas =
    [
        new("05913", 0.0, 595_000),
        new("05913-SR-HAFEN", 0.85, 16_500),
        new("05913-SR-NORDMARKT", 1.0, 27_000, To: 2018),
        new("05913-SR-NORDMARKT-NORD", 1.0, 13_000, From: 2019),
        new("05913-SR-NORDMARKT-SUED", 0.9, 14_000, From: 2019),
        new("05913-SR-BORSIGPLATZ", 0.9, 16_500),
        new("05913-SR-DORSTFELD", 0.45, 15_000),
        new("05913-SR-LINDENHORST", 0.35, 8_000),
        new("05913-SR-SCHARNHORST-OST", 0.6, 13_000),
        new("05913-SR-CLARENBERG", 0.75, 3_500),
        new("05913-SR-MARTEN", 0.5, 9_000),
        new("05913-SR-WESTERFILDE", 0.55, 9_500),
        new("16061115-SUEDSTADT", 0.3, 4_800),
        new("12069616-KERN", -0.3, 21_000),
        new("12069616-RUHLSDORF", -0.4, 2_900),
        new("12069616-SEEHOF", -0.35, 3_800),
        .. BerlinAreas(),
    ];

    /// <summary>Marzahn-Hellersdorf's LOR grid: the old Prognoseräume, Bezirksregionen and Planungsräume until 2020, the new
    /// Prognoseräume from 2021 (values follow each space's validity), and the Bezirk throughout.</summary>
    private static IEnumerable<Area> BerlinAreas()
    {
        var regions = DemoLor.Regions;
        double Weighted(IEnumerable<string> keys) =>
            keys.Sum(k => regions[k].Hardship * regions[k].Population) / keys.Sum(k => regions[k].Population);
        yield return new(DemoLor.DistrictCode, Weighted(regions.Keys), regions.Values.Sum(r => r.Population));
        foreach (var forecast in regions.Keys.GroupBy(k => k[..4]))
        {
            var population = forecast.Sum(k => regions[k].Population);
            yield return new(DemoLor.OldForecastAreaCode(forecast.Key), Weighted(forecast), population, To: 2020);
            yield return new(DemoLor.NewForecastAreaCode(forecast.Key), Weighted(forecast), population, From: 2021);
            foreach (var region in forecast)
                yield return new(DemoLor.DistrictRegionCode(region), regions[region].Hardship, regions[region].Population, To: 2020);
        }
        foreach (var (key, region) in DemoLor.PlanningAreas())
            yield return new(DemoLor.PlanningAreaCode(key), regions[region].Hardship + 0.15 * Noise("plr|" + key),
                DemoLor.PlanningAreaPopulation(key), To: 2020);
    }

    private static CreateIndicatorCommand Indicator(string code, string name, IndicatorKind kind, string unit, int decimals,
        IndicatorDirection direction,
        AggregationRule aggregation, string source, string topic, string description, double? factor = null, bool proportion = true,
        int? min = null, int? max = null, string[]? labels = null) => new()
    {
        Code = code, Name = name, Kind = kind, Unit = unit, Decimals = decimals, Direction = direction, Aggregation = aggregation,
        Source = source,
        Topic = topic, Description = description, RateFactor = factor, IsProportion = proportion, ScaleMin = min, ScaleMax = max,
        ScaleLabels = labels,
        UpdateInterval = kind == IndicatorKind.Rating ? Domain.Indicators.UpdateInterval.Irregular
            : Domain.Indicators.UpdateInterval.Yearly,
    };

    private static readonly string[] FivePoints = ["sehr schlecht", "eher schlecht", "teils/teils", "eher gut", "sehr gut"];

    public static readonly IReadOnlyList<CreateIndicatorCommand> Indicators =
    [
        Indicator("sgb2-quote", "SGB-II-Quote", IndicatorKind.Rate, "%", 1, IndicatorDirection.LowerIsBetter, AggregationRule.Rate,
            "Statistik der Bundesagentur für Arbeit", "Arbeit und Soziales",
            "Personen in Bedarfsgemeinschaften nach dem SGB II je 100 Einwohnerinnen und Einwohner unter 65 Jahren.", factor: 100),
        Indicator("beschaeftigtenquote", "Beschäftigtenquote", IndicatorKind.Rate, "%", 1, IndicatorDirection.HigherIsBetter,
            AggregationRule.Rate,
            "Statistik der Bundesagentur für Arbeit", "Arbeit und Soziales",
            "Sozialversicherungspflichtig Beschäftigte am Wohnort je 100 Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren.",
            factor: 100),
        Indicator("uebergang-gymnasium", "Übergangsquote Gymnasium", IndicatorKind.Rate, "%", 1, IndicatorDirection.HigherIsBetter,
            AggregationRule.Rate,
            "Schulamt / Schulstatistik", "Bildung",
            "Übergänge von der Grundschule auf ein Gymnasium je 100 Schülerinnen und Schüler der 4. Klassen.", factor: 100),
        Indicator("hze-je-1000", "Hilfen zur Erziehung je 1.000 unter 21-Jährige", IndicatorKind.Rate, "je 1.000", 1,
            IndicatorDirection.LowerIsBetter,
            AggregationRule.Rate, "Jugendamt", "Kinder- und Jugendhilfe",
            "Laufende Hilfen zur Erziehung (§§ 27–35 SGB VIII) am 31.12. je 1.000 Einwohnerinnen und Einwohner unter 21 Jahren.",
            factor: 1000, proportion: false),
        Indicator("inobhutnahmen", "Inobhutnahmen", IndicatorKind.Count, "Fälle", 0, IndicatorDirection.LowerIsBetter, AggregationRule.Sum,
            "Jugendamt", "Kinder- und Jugendhilfe",
            "Vorläufige Schutzmaßnahmen nach § 42 SGB VIII im Jahr (kleine Fallzahlen: werden geschützt)."),
        Indicator("einwohner", "Einwohnerinnen und Einwohner", IndicatorKind.Count, "Personen", 0, IndicatorDirection.Neutral,
            AggregationRule.Sum, "Melderegister / Statistisches Landesamt", "Bevölkerung",
            "Einwohnerinnen und Einwohner mit Hauptwohnsitz am 31.12. (Bezugsgröße für Versorgungsquoten und Flächendeckung)."),
        Indicator("einwohner-unter-6", "Einwohnerinnen und Einwohner unter 6 Jahren", IndicatorKind.Count, "Personen", 0,
            IndicatorDirection.Neutral, AggregationRule.Sum, "Melderegister / Statistisches Landesamt", "Bevölkerung",
            "Kinder unter 6 Jahren mit Hauptwohnsitz am 31.12. (Bezugsgröße für die Versorgung mit Kita-Plätzen)."),
        Indicator("sicherheitsgefuehl", "Wahrgenommene Sicherheit", IndicatorKind.Rating, "Punkte", 1, IndicatorDirection.HigherIsBetter,
            AggregationRule.Mean,
            "Stadtteilbefragung / Netzwerktreffen", "Weiche Faktoren",
            "Wie sicher fühlen sich die Menschen im Quartier? Einschätzung von 1 (sehr schlecht) bis 5 (sehr gut).",
            min: 1, max: 5, labels: FivePoints),
        Indicator("kooperation-netzwerk", "Zusammenarbeit im Netzwerk", IndicatorKind.Rating, "Punkte", 1,
            IndicatorDirection.HigherIsBetter, AggregationRule.Median,
            "Selbsteinschätzung der Netzwerkmitglieder", "Weiche Faktoren",
            "Wie gut funktioniert die Zusammenarbeit im sozialräumlichen Netzwerk? 1 (sehr schlecht) bis 5 (sehr gut).",
            min: 1, max: 5, labels: FivePoints),
    ];

    /// <summary>Deterministic noise in [-1, 1] so the demo looks the same on every start.</summary>
    private static double Noise(string key)
    {
        var h = 2166136261u;
        foreach (var c in key) h = (h ^ c) * 16777619u;
        return (h % 20001) / 10000.0 - 1;
    }

    /// <summary>The long CSV of all demo values (one row per value), as the import reads it.</summary>
    public static string Csv()
    {
        var csv = new StringBuilder("indicator,space,period,value,numerator,denominator,status,source\n");
        var inv = CultureInfo.InvariantCulture;
        foreach (var a in Areas)
        {
            for (var year = Math.Max(a.From, FirstYear); year <= Math.Min(a.To, LastYear); year++)
            {
                var t = year - FirstYear;
                var status = year == LastYear ? "provisional" : "final";
                string N(double x) => x.ToString("0", inv);
                double Wiggle(string what, double size) => Noise($"{what}|{a.Code}|{year}") * size;
                // Pandemic bump in 2020/2021, otherwise a slow improvement.
                var economy = year is 2020 or 2021 ? 1.0 : 0.0;

                var under65 = Math.Round(a.Population * 0.8);
                var sgb2 = Math.Clamp(17.5 + 24 * a.Hardship - 0.35 * t + 1.2 * economy + Wiggle("sgb2", 0.8), 1, 80);
                csv.Append(inv, $"sgb2-quote,{a.Code},{year},,{N(under65 * sgb2 / 100)},{N(under65)},{status},Statistik der BA\n");

                var working = Math.Round(a.Population * 0.66);
                var employed = Math.Clamp(54 - 14 * a.Hardship + 0.6 * t - 1.0 * economy + Wiggle("emp", 0.7), 20, 80);
                csv.Append(inv,
                    $"beschaeftigtenquote,{a.Code},{year},,{N(working * employed / 100)},{N(working)},{status},Statistik der BA\n");

                var pupils = Math.Max(4, Math.Round(a.Population * 0.0085 * (1 + Wiggle("pupils", 0.08))));
                var gymnasium = Math.Clamp(41 - 19 * a.Hardship + 0.3 * t + Wiggle("gym", 2.5), 5, 80);
                csv.Append(inv,
                    $"uebergang-gymnasium,{a.Code},{year},,{N(pupils * gymnasium / 100)},{N(pupils)},{status},Schulstatistik\n");

                var young = Math.Round(a.Population * 0.21);
                var hze = Math.Clamp(29 + 30 * a.Hardship + 0.4 * t + Wiggle("hze", 2), 5, 120);
                csv.Append(inv, $"hze-je-1000,{a.Code},{year},,{N(young * hze / 1000)},{N(young)},{status},Jugendamt\n");

                var residents = Math.Round(a.Population * (1 + 0.004 * t + Wiggle("residents", 0.01)));
                csv.Append(inv, $"einwohner,{a.Code},{year},{N(residents)},,,{status},Melderegister\n");
                var underSix = Math.Round(residents * (0.052 + 0.012 * a.Hardship + Wiggle("under6", 0.004)));
                csv.Append(inv, $"einwohner-unter-6,{a.Code},{year},{N(underSix)},,,{status},Melderegister\n");

                var custody = Math.Max(0, Math.Round(young * (0.0012 + 0.0025 * Math.Max(0, a.Hardship)) * (1 + Wiggle("custody", 0.45))));
                csv.Append(inv, $"inobhutnahmen,{a.Code},{year},{N(custody)},,,{status},Jugendamt\n");
            }
        }
        return csv.ToString();
    }

    /// <summary>Survey ratings (1–5) of perceived safety from 2020 on; small spaces get only one or two raters.</summary>
    private static IEnumerable<(string Space, int Year, int Rating)> SafetyRatings()
    {
        foreach (var a in Areas.Where(a => a.Code.StartsWith("05913-SR", StringComparison.Ordinal)
                || a.Code.StartsWith("BE-10-BZR", StringComparison.Ordinal) || a.Code.StartsWith("BE-10-PGR-10", StringComparison.Ordinal)))
        {
            for (var year = Math.Max(a.From, 2020); year <= Math.Min(a.To, LastYear); year++)
            {
                var raters = a.Population < 5_000 ? 2 : 5 + (int)Math.Round(2 + 2 * Noise($"n|{a.Code}|{year}"));
                var mean = 3.6 - 1.4 * a.Hardship + 0.1 * (year - 2020);
                for (var r = 0; r < raters; r++)
                    yield return (a.Code, year, (int)Math.Clamp(Math.Round(mean + 1.2 * Noise($"s|{a.Code}|{year}|{r}")), 1, 5));
            }
        }
    }

    /// <summary>Seeds indicators, sets, goals, values and ratings; returns how many values were imported.</summary>
    public static async Task<int> SeedAsync(IMediator mediator, IDbConnectionFactory db, IReadOnlyDictionary<string, Guid> spaceIds,
        CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var indicator in Indicators) ids[indicator.Code] = (await mediator.Send(indicator, ct)).Id;

        var imported = await mediator.Send(
            new ImportObservationsCommand { Body = new MemoryStream(Encoding.UTF8.GetBytes(Csv())), Format = ImportFormat.Csv }, ct);

        foreach (var (space, year, rating) in SafetyRatings())
            await mediator.Send(
                new CreateAssessmentCommand { IndicatorId = ids["sicherheitsgefuehl"], SpaceId = spaceIds[space],
                    Period = year.ToString(CultureInfo.InvariantCulture), Rating = rating }, ct);

        // The members of the Nordstadt network rate their cooperation once a year (with their names).
        List<Guid> raters;
        await using (var connection = await db.OpenAsync(ct))
        {
            raters = (await connection.QueryAsync<Guid>(new CommandDefinition($"""
                SELECT DISTINCT a.id, a.name FROM actors a JOIN actor_spaces x ON x.actor_id = a.id JOIN spaces s ON s.id = x.space_id
                WHERE s.code LIKE '05913%' AND a.kind = @kind ORDER BY a.name, a.id {db.Dialect.Limit("@take")}
                """, new { kind = nameof(Domain.Actors.ActorKind.Organisation), take = 6 }, cancellationToken: ct))).ToList();
        }
        for (var year = 2021; year <= LastYear; year++)
            for (var r = 0; r < raters.Count; r++)
                await mediator.Send(new CreateAssessmentCommand
                {
                    IndicatorId = ids["kooperation-netzwerk"], SpaceId = spaceIds["05913-SB02"],
                    Period = year.ToString(CultureInfo.InvariantCulture), ActorId = raters[r],
                    Rating = (int)Math.Clamp(Math.Round(2.8 + 0.35 * (year - 2021) + Noise($"k|{year}|{r}")), 1, 5),
                    Comment = r == 0 && year == LastYear ? "Die Lenkrunde tagt regelmäßig, Verabredungen werden nachgehalten." : null,
                }, ct);

        var nordstadt = await mediator.Send(new CreateIndicatorSetCommand
        {
            Name = "Sozialraummonitoring Dortmund-Nordstadt",
            Purpose = "Wenige, aussagekräftige Kennzahlen (\"besser drei statt 20\") und die weichen Faktoren, über zehn Jahre mit dem " +
                "Stadtdurchschnitt verglichen und an Zielen gemessen.",
            IndicatorIds = [ids["sgb2-quote"], ids["beschaeftigtenquote"], ids["uebergang-gymnasium"], ids["hze-je-1000"],
                ids["sicherheitsgefuehl"], ids["kooperation-netzwerk"]],
        }, ct);
        await mediator.Send(new SetIndicatorSetGoalsCommand
        {
            Id = nordstadt.Id,
            Goals =
            [
                Goal(ids["sgb2-quote"], spaceIds["05913-SR-HAFEN"], "2015", 38.0, ("2022", 35.0), ("2027", 32.0)),
                Goal(ids["uebergang-gymnasium"], spaceIds["05913-SR-HAFEN"], "2015", 25.0, ("2025", 30.0)),
                Goal(ids["sgb2-quote"], spaceIds["05913-SR-BORSIGPLATZ"], "2015", 39.0, ("2025", 33.0)),
                Goal(ids["beschaeftigtenquote"], spaceIds["05913-SR-BORSIGPLATZ"], "2015", 41.0, ("2025", 46.0)),
                Goal(ids["sicherheitsgefuehl"], spaceIds["05913-SR-HAFEN"], "2020", 2.5, ("2025", 3.5)),
            ],
        }, ct);
        var marzahn = await mediator.Send(new CreateIndicatorSetCommand
        {
            Name = "Kinder- und Jugendhilfe Marzahn-Hellersdorf",
            Purpose = "Jugendhilfeplanung: Hilfebedarf und Bildungsübergänge in den Großsiedlungen.",
            IndicatorIds = [ids["hze-je-1000"], ids["inobhutnahmen"], ids["uebergang-gymnasium"], ids["sgb2-quote"]],
        }, ct);
        await mediator.Send(new SetIndicatorSetGoalsCommand
        {
            Id = marzahn.Id,
            Goals =
            [
                Goal(ids["hze-je-1000"], spaceIds[DemoLor.NewForecastAreaCode("1001")], "2021", 52.0, ("2026", 47.0)),
                Goal(ids["hze-je-1000"], spaceIds[DemoLor.NewForecastAreaCode("1002")], "2021", 50.0, ("2026", 46.0)),
                Goal(ids["uebergang-gymnasium"], spaceIds[DemoLor.NewForecastAreaCode("1001")], "2021", 32.0, ("2026", 35.0)),
                Goal(ids["sgb2-quote"], spaceIds[DemoLor.DistrictCode], "2015", 27.0, ("2025", 24.0)),
            ],
        }, ct);
        return imported.Created;
    }

    private static IndicatorGoalDto Goal(Guid indicatorId, Guid spaceId, string baselinePeriod, double baseline,
        params (string Period, double Value)[] targets) => new()
    {
        IndicatorId = indicatorId,
        SpaceId = spaceId,
        Baseline = new PeriodValueDto { Period = baselinePeriod, Value = baseline },
        Targets = targets.Select(t => new PeriodValueDto { Period = t.Period, Value = t.Value }).ToList(),
    };
}
