using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.Api.Startup;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP (the log entries too: <c>UseOtlpExporter</c> covers every signal),
/// only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without it nothing is registered: no listener makes ASP.NET Core,
/// HttpClient or the database code record anything for it. The exporter reads the other <c>OTEL_EXPORTER_OTLP_*</c> settings itself.
/// </summary>
public static class Telemetry
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "raumnetz-api";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointKey]);

    public static IServiceCollection AddRaumnetzTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!IsEnabled(configuration)) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName,
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t
                // Probes every few seconds would bury the requests; url.query values are redacted by the instrumentation.
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(DatabaseActivity.SourceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .UseOtlpExporter();
        return services;
    }
}
