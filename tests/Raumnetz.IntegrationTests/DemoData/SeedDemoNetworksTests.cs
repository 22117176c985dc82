using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.DemoData;
using Raumnetz.IntegrationTests.Infrastructure;
using Raumnetz.IntegrationTests.Networks;

namespace Raumnetz.IntegrationTests.DemoData;

/// <summary>The demo networks seed once and show the health mix they are made for.</summary>
public sealed class SeedDemoNetworksTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Seeds_once_with_networks_meetings_agreements_and_a_telling_attention_list()
    {
        using var scope = factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<DemoNetworksSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Seeded);
        Assert.Equal(10, result.Networks);
        var again = await scope.ServiceProvider.GetRequiredService<DemoNetworksSeeder>().SeedAsync(TestContext.Current.CancellationToken);
        Assert.False(again.Seeded);

        var client = await factory.SignedInAsync();
        var networks = (await client.GetJsonAsync("/api/v1/networks?limit=500")).Items();
        Assert.Equal(10, networks.Count);
        var lenkrunde = networks.Single(n => n.GetProperty("name").GetString() == "Lenkrunde Sozialraum Teltow");
        Assert.Equal(2, lenkrunde.GetProperty("incomingLinks").EnumerateArray()
            .Count(l => l.GetProperty("type").GetString() == "delegatesTo"));
        var attention = await HttpAssert.OkAsync<JsonElement[]>(await client.GetAsync("/api/v1/networks/attention"));
        var names = attention.Select(a => a.GetProperty("networkName").GetString()).ToList();
        Assert.Contains("AG Soziales (Kompetenzzentrum Großsiedlungen)", names);
        Assert.Contains("Beirat Jobcenter Dortmund", names);
        Assert.Contains("Fokusgruppe Kultur & Freizeit Teltow", names);
        Assert.Contains("Trägerausschuss Dortmund", names);
        Assert.DoesNotContain("Lenkrunde Sozialraum Teltow", names);
        var teltow = (await client.GetJsonAsync("/api/v1/spaces?q=teltow")).Items()
            .Single(s => s.GetProperty("code").GetString() == "12069616").Id();
        var graph = await client.GetJsonAsync($"/api/v1/graph?spaceId={teltow}");
        Assert.True(graph.GetProperty("nodes").GetArrayLength() > 10);
        var ag = networks.Single(n => n.GetProperty("name").GetString()!.StartsWith("AG Soziales", StringComparison.Ordinal));
        var feed = await client.GetStringAsync($"/api/v1/networks/{ag.Id()}/calendar.ics");
        Assert.Equal(2, Meetings.ICalendarParser.Parse(feed).Components.Count);
    }
}
