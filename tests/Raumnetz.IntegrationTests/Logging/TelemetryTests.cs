using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Raumnetz.Api.Startup;
using Raumnetz.Infrastructure.Data;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Logging;

/// <summary>OpenTelemetry is registered only when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public sealed class TelemetryOffTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Without_an_OTLP_endpoint_nothing_is_registered()
    {
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}

public sealed class TelemetryOnTests(TelemetryOnTests.OtlpFactory factory) : IClassFixture<TelemetryOnTests.OtlpFactory>
{
    /// <summary>The API with an OTLP endpoint that nobody answers (exports fail quietly); finished spans are also kept here.</summary>
    public sealed class OtlpFactory : ApiFactory
    {
        public ConcurrentQueue<Activity> Spans { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // A host setting, not Settings: Program reads it while registering services, before app configuration is added.
            builder.UseSetting(Telemetry.EndpointKey, "http://127.0.0.1:9");
            builder.ConfigureServices(s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new Keep(Spans))));
        }

        private sealed class Keep(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
        {
            public override void OnEnd(Activity data) => spans.Enqueue(data);
        }
    }

    /// <summary>The semantic-convention name of the database this pass runs on.</summary>
    private static string ExpectedSystemName => TestDatabase.CurrentProvider switch
    {
        "PostgreSql" => "postgresql",
        "SqlServer" => "microsoft.sql_server",
        _ => "sqlite",
    };

    [Fact]
    public async Task With_an_OTLP_endpoint_requests_and_database_reads_are_traced_without_query_values()
    {
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());

        var client = await factory.SignedInAsync();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/spaces?limit=5&q=secret-looking-value");
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // The server span ends after the response is handed over: wait for it.
        var watch = Stopwatch.StartNew();
        Activity? server = null;
        while (server is null && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            server = factory.Spans.FirstOrDefault(a => a.TraceId == traceId && a.Kind == ActivityKind.Server);
            if (server is null) await Task.Delay(20, TestContext.Current.CancellationToken);
        }
        Assert.NotNull(server);
        Assert.Equal("/api/v1/spaces/", server.GetTagItem("http.route"));
        Assert.DoesNotContain("secret-looking-value", server.GetTagItem("url.query") as string ?? "");
        var reads = factory.Spans.Where(a => a.TraceId == traceId && a.Source.Name == DatabaseActivity.SourceName).ToList();
        Assert.Contains(reads, a => a.DisplayName == "db read" && (string?)a.GetTagItem("db.system.name") == ExpectedSystemName);
    }
}
