using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Api.Http;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>
/// The deprecation mechanism (<c>.Deprecated(since, sunset, link)</c>): no operation of the API is superseded today, so a
/// test host of its own maps endpoints with it, with the product's middleware and OpenAPI filter, and checks the headers
/// (RFC 9745 Deprecation, RFC 8594 Sunset, Link rel="deprecation") on successes and errors, and the document's
/// <c>deprecated: true</c>.
/// </summary>
public sealed class DeprecationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Since = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sunset = new(2027, 6, 30, 23, 59, 59, TimeSpan.Zero);
    private WebApplication? app;
    private HttpClient client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new Microsoft.OpenApi.OpenApiInfo { Title = "test", Version = "v1" });
            o.OperationFilter<DeprecationOperationFilter>();
        });
        app = builder.Build();
        // As in the product: the exception handler clears the response of a failed request; the headers must survive that.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return Task.CompletedTask;
            },
        });
        app.UseRouting();
        app.UseMiddleware<DeprecationMiddleware>();
        app.UseSwagger();
        app.MapGet("/api/v1/old-things", () => Results.Ok(new[] { "a" })).WithName("ListOldThings").Deprecated(Since, Sunset);
        app.MapGet("/api/v1/old-things/{id}", (int id) => id == 1 ? Results.Ok("one") : throw new InvalidOperationException("boom"))
            .WithName("GetOldThing").Deprecated(Since, link: "/api/v1/things");
        app.MapGet("/api/v1/things", () => Results.Ok(new[] { "a" })).WithName("ListThings");
        await app.StartAsync(Ct);
        client = app.GetTestClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (app is not null) await app.DisposeAsync();
    }

    [Fact]
    public async Task A_deprecated_endpoint_answers_with_Deprecation_Sunset_and_the_policy_link()
    {
        var response = await client.GetAsync("/api/v1/old-things", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deprecation = Assert.Single(response.Headers.GetValues("Deprecation"));
        Assert.Equal("@" + Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), deprecation);
        Assert.Equal("@1780272000", deprecation);
        Assert.Equal("Wed, 30 Jun 2027 23:59:59 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
        Assert.Equal("</api/docs/guide/README.md#deprecation-policy>; rel=\"deprecation\"",
            Assert.Single(response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task The_headers_are_on_error_responses_too_and_a_link_can_name_the_successor()
    {
        var response = await client.GetAsync("/api/v1/old-things/2", Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("@1780272000", Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.False(response.Headers.Contains("Sunset"));
        Assert.Equal("</api/v1/things>; rel=\"deprecation\"", Assert.Single(response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task Endpoints_that_are_not_deprecated_carry_none_of_the_headers()
    {
        var response = await client.GetAsync("/api/v1/things", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task The_document_marks_the_operation_deprecated_with_its_dates()
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json", Ct)).RootElement;
        var old = document.GetProperty("paths").GetProperty("/api/v1/old-things").GetProperty("get");
        Assert.True(old.GetProperty("deprecated").GetBoolean());
        Assert.Contains("Deprecated since 2026-06-01; removed on 2027-06-30", old.GetProperty("description").GetString(),
            StringComparison.Ordinal);
        var current = document.GetProperty("paths").GetProperty("/api/v1/things").GetProperty("get");
        Assert.False(current.TryGetProperty("deprecated", out _));
    }

    [Fact]
    public void A_sunset_before_the_deprecation_is_refused()
    {
        var builder = WebApplication.CreateBuilder();
        using var other = builder.Build();
        Assert.Throws<ArgumentException>(() => other.MapGet("/x", () => "x").Deprecated(Since, Since.AddDays(-1)));
    }
}
