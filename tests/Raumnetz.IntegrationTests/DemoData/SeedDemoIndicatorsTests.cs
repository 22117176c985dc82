using System.Text.Json;
using Raumnetz.IntegrationTests.Actors;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.DemoData;

public sealed class SeedDemoIndicatorsTests(DemoDataApiFactory factory) : IClassFixture<DemoDataApiFactory>
{
    private static async Task<JsonElement> SpaceAsync(HttpClient client, string code) =>
        (await HttpAssert.OkAsync<JsonElement>(await client.GetAsync($"/api/v1/spaces?q={code}&limit=500"))).GetProperty("items")
            .EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Demo_has_indicator_sets_and_ten_years_of_figures_with_some_withheld()
    {
        var client = await factory.SignedInAsync();
        var indicators = await ActorApi.AllPagesAsync(client, "/api/v1/indicators");
        Assert.Equal(
            ["beschaeftigtenquote", "einwohner", "einwohner-unter-6", "hze-je-1000", "inobhutnahmen", "kooperation-netzwerk",
                "sgb2-quote", "sicherheitsgefuehl", "uebergang-gymnasium"],
            indicators.Select(i => i.GetProperty("code").GetString()).Order());
        var sets = await ActorApi.AllPagesAsync(client, "/api/v1/indicator-sets");
        var nordstadt = sets.Single(s => s.GetProperty("name").GetString() == "Sozialraummonitoring Dortmund-Nordstadt");
        Assert.Equal(6, nordstadt.GetProperty("indicators").GetArrayLength());
        Assert.False(nordstadt.GetProperty("exceedsRecommendedSize").GetBoolean());

        var hafen = (await SpaceAsync(client, "05913-SR-HAFEN")).GetProperty("id").GetGuid();
        var sgb2 = indicators.Single(i => i.GetProperty("code").GetString() == "sgb2-quote").GetProperty("id").GetGuid();
        var series = await ActorApi.AllPagesAsync(client, $"/api/v1/observations?indicatorId={sgb2}&spaceId={hafen}");
        Assert.Equal(Enumerable.Range(2015, 10).Select(y => y.ToString()), series.Select(o => o.GetProperty("period").GetString()));
        Assert.All(series, o => Assert.InRange(o.GetProperty("value").GetDouble(), 25, 50));

        var reference = (await SpaceAsync(client, "05913")).GetProperty("id").GetGuid();
        var evaluation = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"/api/v1/indicator-sets/{nordstadt.GetProperty("id").GetGuid()}/evaluation?spaceId={hafen}&period=2024"
            + $"&referenceSpaceId={reference}"));
        var rate = evaluation.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "sgb2-quote");
        Assert.Equal("worse", rate.GetProperty("comparison").GetProperty("judgement").GetString());
        Assert.NotEqual(JsonValueKind.Null, rate.GetProperty("attainment").ValueKind);
        var safety = evaluation.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "sicherheitsgefuehl");
        Assert.InRange(safety.GetProperty("value").GetProperty("value").GetDouble(), 1, 5);

        var marzahn = sets.Single(s => s.GetProperty("name").GetString()!.Contains("Marzahn")).GetProperty("id").GetGuid();
        var csv = await (await client.GetAsync($"/api/v1/exports/indicators?format=csv&indicatorSetId={marzahn}"))
            .Content.ReadAsStringAsync();
        Assert.Contains(csv.Split("\r\n"), line => line.StartsWith("inobhutnahmen,", StringComparison.Ordinal)
            && line.EndsWith(",true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_population_gives_the_coverage_of_day_care_places_per_1000_children_under_six()
    {
        var client = await factory.SignedInAsync();
        var indicators = await ActorApi.AllPagesAsync(client, "/api/v1/indicators");
        var underSix = indicators.Single(i => i.GetProperty("code").GetString() == "einwohner-unter-6").GetProperty("id").GetGuid();
        var hafen = (await SpaceAsync(client, "05913-SR-HAFEN")).GetProperty("id").GetGuid();
        var dortmund = (await SpaceAsync(client, "05913")).GetProperty("id").GetGuid();
        var children = (await ActorApi.AllPagesAsync(client, $"/api/v1/observations?indicatorId={underSix}&spaceId={hafen}"))
            .Single(o => o.GetProperty("period").GetString() == "2024").GetProperty("value").GetDouble();
        Assert.InRange(children, 700, 1_500); // 16,500 residents, about 5 to 7 % under six

        var coverage = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync(
            $"/api/v1/coverage?category=kita&populationIndicatorId={underSix}&period=2024&level=neighbourhood&under={dortmund}"));
        var row = coverage.GetProperty("spaces").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == hafen)
            .GetProperty("figures");
        // the demo's only day-care centre in the Hafen space: Kita Hafenwiese with 75 places
        Assert.Equal(1, row.GetProperty("services").GetInt32());
        Assert.Equal(75, row.GetProperty("capacity").GetDouble());
        Assert.Equal(children, row.GetProperty("population").GetDouble());
        Assert.Equal(75 * 1000 / children, row.GetProperty("perThousand").GetDouble(), 3);
    }
}
