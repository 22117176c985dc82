using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Users;

public sealed class CreateUserTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonElement>> UsersAsync() =>
        (await HttpAssert.OkAsync<JsonElement>(await (await factory.AdminAsync()).GetAsync("/api/v1/users", Ct))).EnumerateArray().ToList();

    [Fact]
    public async Task Creates_a_user_who_can_sign_in()
    {
        var response = await (await factory.AdminAsync()).PostAsJsonAsync("/api/v1/users",
            new { email = " Planerin@Kreis.example ", displayName = " Sozialplanung ", role = "coordinator", password = "twelve-chars" },
                Ct);

        var user = await HttpAssert.OkAsync<JsonElement>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/users/{user.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Planerin@Kreis.example", user.Str("email"));
        Assert.Equal("Sozialplanung", user.Str("displayName"));
        Assert.Equal("coordinator", user.Str("role"));
        Assert.True(user.GetProperty("isActive").GetBoolean());
        Assert.False(user.TryGetProperty("password", out _));
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Contains(await UsersAsync(), u => u.Id() == user.Id());

        var client = await factory.SignedInAsync("planerin@kreis.example", "twelve-chars");
        var me = await HttpAssert.OkAsync<JsonElement>(await client.GetAsync("/api/v1/auth/me", Ct));
        Assert.Equal(user.Id(), me.Id());
    }

    [Theory]
    [InlineData("dup@test.local")]
    [InlineData("DUP@Test.Local")]
    [InlineData("  dup@test.local")]
    public async Task Duplicate_email_is_409_naming_email(string email)
    {
        var admin = await factory.AdminAsync();
        var first = await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "dup@test.local", displayName = "Erste", role = "viewer", password = "a-long-password-1" }, Ct);
        Assert.True(first.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        var before = (await UsersAsync()).Count;

        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, displayName = "Zweite", role = "viewer", password = "a-long-password-1" }, Ct);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict, "email");
        Assert.Equal(before, (await UsersAsync()).Count);
    }

    public static TheoryData<string, string> InvalidUsers => new()
    {
        { """{"email":"short@test.local","displayName":"Kurz","role":"viewer","password":"elevenchars"}""", "password" },
        { $$"""{"email":"long@test.local","displayName":"Lang","role":"viewer","password":"{{new string('p', 201)}}"}""", "password" },
        { """{"email":"kein-at","displayName":"X","role":"viewer","password":"a-long-password-1"}""", "email" },
        { """{"email":"","displayName":"X","role":"viewer","password":"a-long-password-1"}""", "email" },
        { $$"""{"email":"{{new string('e', 250)}}@x.de","displayName":"X","role":"viewer","password":"a-long-password-1"}""", "email" },
        { """{"email":"name@test.local","displayName":" ","role":"viewer","password":"a-long-password-1"}""", "displayName" },
        { """{"email":"role@test.local","displayName":"X","role":"root","password":"a-long-password-1"}""", "role" },
        { """{"email":"norole@test.local","displayName":"X","password":"a-long-password-1"}""", "role" },
        { """{"email":"nopw@test.local","displayName":"X","role":"viewer"}""", "password" },
    };

    [Theory]
    [MemberData(nameof(InvalidUsers))]
    public async Task Invalid_users_are_400_naming_the_field(string json, string field)
    {
        var before = (await UsersAsync()).Count;
        var response = await (await factory.AdminAsync()).PostAsync("/api/v1/users", TestData.RawJson(json), Ct);
        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await UsersAsync()).Count);
    }

    [Fact]
    public async Task Password_of_exactly_12_characters_is_accepted()
    {
        var response = await (await factory.AdminAsync()).PostAsJsonAsync("/api/v1/users",
            new { email = "twelve@test.local", displayName = "Zwölf", role = "viewer", password = "123456789012" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
