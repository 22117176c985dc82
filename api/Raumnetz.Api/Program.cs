using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Raumnetz.Api.Endpoints;
using Raumnetz.Api.Http;
using Raumnetz.Api.OpenApi;
using Raumnetz.Api.Security;
using Raumnetz.Api.Startup;
using Raumnetz.Application;
using Raumnetz.Application.Common;
using Raumnetz.DemoData;
using Raumnetz.Infrastructure;
using Raumnetz.Infrastructure.Data;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Limits.ImportBody);
// The framework's request lines ("Request starting GET http://host/path?query") carry the full URL with its query, so a
// calendar feed's token: never below Warning, whatever the configuration says. Our own request line (Http/RequestLog.cs)
// replaces them with the route template.
builder.Logging.AddFilter(RequestLogMiddleware.FrameworkRequestCategory, level => level >= LogLevel.Warning);
// The console lines (one per request) are written in batches by one writer, not one locked hand-over and write each.
builder.Logging.UseBatchedConsole();

builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz").Get<RaumnetzOptions>() ?? new RaumnetzOptions());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Suppression").Get<Raumnetz.Domain.Indicators.SuppressionRules>() ?? new Raumnetz.Domain.Indicators.SuppressionRules());
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Reference").Get<Raumnetz.Domain.Indicators.ReferenceRules>() ?? new Raumnetz.Domain.Indicators.ReferenceRules());
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Plausibility").Get<Raumnetz.Domain.Indicators.PlausibilityRules>() ?? new Raumnetz.Domain.Indicators.PlausibilityRules());
// Registered first so it starts first: the schema must exist before anything else (data protection) reads it.
builder.Services.AddSingleton<DatabaseInitializer>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
builder.Services.AddApplication();
builder.Services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Audit").Get<Raumnetz.Application.Audit.AuditOptions>() ?? new Raumnetz.Application.Audit.AuditOptions());
builder.Services.AddHostedService<AuditRetentionService>();
builder.Services.AddHostedService<WebhookDispatcherService>();
builder.Services.AddInfrastructure();
builder.Services.AddDemoData();
builder.Services.AddRaumnetzEdge();
builder.Services.AddRaumnetzSecurity();
builder.Services.AddRaumnetzOidc();
builder.Services.AddRaumnetzOpenApi();
builder.Services.AddSingleton<RequestQuotas>();
builder.Services.AddRaumnetzDelivery();
builder.Services.AddRaumnetzLanguages();
builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
{
    ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
    Languages.LocalizeDefaultTitle(ctx.ProblemDetails);
    ctx.ProblemDetails.Extensions["traceId"] = RequestTrace.Id(ctx.HttpContext);
});
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddRaumnetzTelemetry(builder.Configuration);

var app = builder.Build();

if (args.Contains("--migrate"))
{
    // Deployment step: apply migrations and exit, so several instances do not race to migrate.
    var applied = await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(CancellationToken.None);
    Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
    return;
}

// Ahead of this (Http/Edge.cs, a startup filter): forwarded headers of trusted proxies, then the security headers.
// The language comes first, so that every problem written further in (exception handler, rate limiter) speaks it.
app.UseRaumnetzLanguages();
app.UseMiddleware<RequestLogMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseCompression();
// The SPA's files: never under /api (the API docs serve their own), so API requests skip the file system probes.
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), spa =>
{
    spa.UseDefaultFiles();
    spa.UseStaticFiles(Delivery.StaticFiles());
});
app.UseRaumnetzApiDocs(); // Swagger UI at /api/docs/, anonymous like the document it shows
app.UseRouting();
app.UseMiddleware<DeprecationMiddleware>(); // Deprecation/Sunset/Link headers of endpoints marked .Deprecated(...)
app.UseRateLimiter();
app.UseMiddleware<OwnChangesMiddleware>(); // a change made through this instance holds for authentication at the next request
app.UseAuthentication();
app.UseMiddleware<QuotaMiddleware>(); // after authentication: it counts per API key, account or client address
app.UseAuthorization();
app.UseMiddleware<BodySizeLimitMiddleware>();
app.UseMiddleware<AntiforgeryMiddleware>();
app.UseMiddleware<PasswordChangeGate>();

app.UseWhen(context => context.Request.Path.StartsWithSegments("/openapi"),
    document => document.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

app.MapAuthEndpoints();
app.MapSpacesEndpoints();
app.MapActorsEndpoints();
app.MapActorRelationsEndpoints();
app.MapActorTypesEndpoints();
app.MapNetworksEndpoints();
app.MapMeetingsEndpoints();
app.MapTasksEndpoints();
app.MapGraphEndpoints();
app.MapIndicatorsEndpoints();
app.MapIndicatorSetsEndpoints();
app.MapObservationsEndpoints();
app.MapAssessmentsEndpoints();
app.MapTaxonomiesEndpoints();
app.MapLocationsEndpoints();
app.MapServicesEndpoints();
app.MapExportsEndpoints();
app.MapAdminEndpoints();
app.MapAuditEndpoints();
app.MapWebhooksEndpoints();
app.MapPrivacyEndpoints();
app.MapFundingsEndpoints();
app.MapVerificationEndpoints();
app.MapInventoryRoundsEndpoints();
app.MapInventoryImportEndpoints();
app.MapCoverageEndpoints();
app.MapHsdsEndpoints();
app.MapHsdsImportEndpoints();
app.MapChangesEndpoints();

app.MapApiFallback();
if (File.Exists(Path.Combine(app.Environment.WebRootPath ?? "wwwroot", "index.html")))
    app.MapFallbackToFile("index.html", Delivery.StaticFiles());

app.Run();

public partial class Program;
