using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Raumnetz.Api.Http;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Http;

/// <summary>JSON and CSV go compressed when the client accepts it (Brotli preferred, gzip otherwise), and plain when not.</summary>
public sealed class CompressionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpResponseMessage Response, string Text)> GetAsync(HttpClient client, string url, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStreamAsync(Ct);
        Stream plain = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(plain);
        return (response, await reader.ReadToEndAsync(Ct));
    }

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("", null)]
    public async Task Json_is_compressed_by_what_the_client_accepts(string accept, string? expected)
    {
        // unchecked: the contract guard reads bodies as sent, and these are compressed
        using var client = factory.UncheckedClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword }, Ct)).StatusCode);
        var (response, text) = await GetAsync(client, "/api/v1/spaces/tree", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(text).RootElement.ValueKind);
    }

    [Fact]
    public void Text_formats_are_compressed_and_hashed_assets_cached_for_a_year()
    {
        Assert.Contains("text/csv", Delivery.CompressedTypes);
        Assert.Contains("application/geo+json", Delivery.CompressedTypes);
        Assert.Contains("text/javascript", Delivery.CompressedTypes);
        Assert.Contains("immutable", Delivery.Immutable, StringComparison.Ordinal);
        Assert.Equal("no-cache", Delivery.Revalidate);
    }
}
