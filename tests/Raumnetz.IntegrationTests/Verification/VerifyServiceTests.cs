using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Fundings;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Verification;

public sealed class VerifyServiceTests(InventoryClockFactory factory) : IClassFixture<InventoryClockFactory>
{
    private static string Url(Guid id) => $"/api/v1/services/{id}/verify";

    [Fact]
    public async Task Verifying_sets_today_and_the_user_keeps_the_history_and_changes_the_etag()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Erziehungsberatung Teltow", verifiedOn: new DateOnly(2025, 1, 10));
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(Url(service), new { note = "telefonisch bestätigt" }),
            HttpStatusCode.PreconditionRequired);
        var response = await client.SendJsonAsync(HttpMethod.Post, Url(service), new { note = "telefonisch bestätigt" }, ("If-Match",
            "\"1\""));
        var verification = await HttpAssert.OkAsync<JsonElement>(response);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("2026-06-15", verification.Str("verifiedOn"));
        Assert.Equal("2027-06-15", verification.Str("nextDueOn"));
        Assert.StartsWith("user:", verification.Str("verifiedBy"), StringComparison.Ordinal);
        Assert.Equal("telefonisch bestätigt", verification.Str("note"));
        Assert.Equal("2026-06-15",
            await factory.ScalarAsync<string>("SELECT CAST(verified_on AS VARCHAR(10)) FROM services WHERE id = @service",
            new { service }));
        Assert.Equal(verification.Str("verifiedBy"),
            await factory.ScalarAsync<string>("SELECT verified_by FROM services WHERE id = @service",
            new { service }));
        Assert.Equal(1, await factory.ScalarAsync<long>("SELECT COUNT(*) FROM service_verifications WHERE service_id = @service",
            new { service }));

        // stale, unknown, archived
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(service), new { }, ("If-Match", "\"1\"")),
            HttpStatusCode.PreconditionFailed);
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(Guid.NewGuid()), new { }, ("If-Match", "*")),
            HttpStatusCode.NotFound);
        await factory.ExecuteAsync("UPDATE services SET archived_at = @at WHERE id = @service", new { at = DateTimeOffset.UtcNow,
            service });
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(service), new { }, ("If-Match", "*")),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_earlier_day_is_kept_in_the_history_without_moving_the_record_back()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Tafel Teltow", verifiedOn: new DateOnly(2026, 6, 1));
        var v = await HttpAssert.OkAsync<JsonElement>(await client.SendJsonAsync(HttpMethod.Post, Url(service),
            new { verifiedOn = "2026-05-01" },
            ("If-Match", "*")));
        Assert.Equal("2026-05-01", v.Str("verifiedOn"));
        Assert.Equal("2027-06-01", v.Str("nextDueOn"));
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_written()
    {
        var client = await factory.SignedInAsync();
        var service = await factory.ServiceAsync("Suchtberatung Werder");
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(service), new { verifiedOn = "2026-06-16" },
            ("If-Match", "*")),
            HttpStatusCode.BadRequest, "verifiedOn");
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(service), new { note = new string('x', 4001) },
            ("If-Match", "*")),
            HttpStatusCode.BadRequest, "note");
        await HttpAssert.ProblemAsync(await client.SendJsonAsync(HttpMethod.Post, Url(service), new { verifiedBy = "jemand" },
            ("If-Match", "*")),
            HttpStatusCode.BadRequest, "verifiedBy");
        Assert.Equal(0, await factory.ScalarAsync<long>("SELECT COUNT(*) FROM service_verifications WHERE service_id = @service",
            new { service }));
        Assert.Equal(1, await factory.ScalarAsync<long>("SELECT version FROM services WHERE id = @service", new { service }));
    }
}
