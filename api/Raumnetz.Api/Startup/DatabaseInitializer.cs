using MediatR;
using Raumnetz.Application.Users;
using Raumnetz.DemoData;
using Raumnetz.Infrastructure.Data;

namespace Raumnetz.Api.Startup;

/// <summary>Options of section "Raumnetz".</summary>
public sealed class RaumnetzOptions
{
    public bool? DemoData { get; set; }
    public AdminOptions Admin { get; set; } = new();
    /// <summary>Apply migrations at start-up (default). Turn off where migrations run as a separate step (--migrate).</summary>
    public bool MigrateOnStart { get; set; } = true;
    /// <summary>Calls of the login route allowed per client address and minute (more get 429).</summary>
    public int LoginAttemptsPerMinute { get; set; } = 20;
    /// <summary>The address users reach the app at (for example https://raumnetz.kreis.example); absolute links start with it.</summary>
    public string? PublicBaseUrl { get; set; }
    /// <summary>The HSDS 3.0 read API under /hsds/ (Raumnetz__Hsds__Public).</summary>
    public HsdsOptions Hsds { get; set; } = new();
    /// <summary>Request quotas per API key, account and client address (Raumnetz__RateLimits__...).</summary>
    public Http.RateLimitOptions RateLimits { get; set; } = new();

    public sealed class HsdsOptions
    {
        /// <summary>Anonymous read of /hsds/ (default false: an API key or a session is needed).</summary>
        public bool Public { get; set; }
    }

    public sealed class AdminOptions
    {
        public string Email { get; set; } = "admin@raumnetz.local";
        public string? Password { get; set; }
    }
}

/// <summary>
/// Brings the database up to date, creates the first administrator and seeds the demo data into an empty database.
/// The first attempt runs before the server accepts requests; if the database is away, the API starts anyway
/// (not ready, answering 503) and keeps trying in the background until it succeeds.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, RaumnetzOptions options, IHostEnvironment environment, ILogger<DatabaseInitializer> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? retries;

    public bool IsReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryInitializeAsync(cancellationToken)) return;
        retries = Task.Run(async () =>
        {
            var delay = TimeSpan.FromSeconds(1);
            while (!stopping.IsCancellationRequested && !await TryInitializeAsync(stopping.Token))
            {
                await Task.Delay(delay, stopping.Token).ContinueWith(_ => { });
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        });
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host can dispose this singleton before stopping it (WebApplicationFactory stops the host while the app's
        // own Run() disposes it); there is nothing left to cancel then.
        try { await stopping.CancelAsync(); }
        catch (ObjectDisposedException) { }
        if (retries is not null) await retries.WaitAsync(cancellationToken).ContinueWith(_ => { });
    }

    public void Dispose() => stopping.Dispose();

    private async Task<bool> TryInitializeAsync(CancellationToken ct)
    {
        try
        {
            using var scope = services.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<MigrationRunner>();
            if (options.MigrateOnStart) await runner.MigrateAsync(ct);
            else if ((await runner.PendingAsync(ct)) is { Count: > 0 } pending)
                throw new InvalidOperationException($"The database lacks migrations ({string.Join(", ", pending)}). Run the API once with --migrate.");
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var admin = await mediator.Send(new EnsureAdministratorCommand(options.Admin.Email, options.Admin.Password), ct);
            if (admin.GeneratedPassword is not null)
            {
                // Printed once, on purpose: it is the only way to learn the first password when none was configured.
                Console.WriteLine($"""

                    ==== Raumnetz: first administrator created ====
                      E-Mail:   {options.Admin.Email}
                      Passwort: {admin.GeneratedPassword}
                    Change it or set Raumnetz__Admin__Password before the first start.
                    ===============================================

                    """);
            }
            if (options.DemoData ?? environment.IsDevelopment())
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
                if (seeded.Seeded)
                    logger.LogInformation("Demo data seeded: {Spaces} spaces, {Actors} actors, {Networks} networks, {Observations} indicator values, {Services} services",
                        seeded.Spaces, seeded.Actors, seeded.Networks, seeded.Observations, seeded.Services);
            }
            IsReady = true;
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Database initialisation failed; the API is not ready and retries in the background");
            return false;
        }
    }
}
