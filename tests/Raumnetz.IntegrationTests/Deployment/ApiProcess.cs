using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Npgsql;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>
/// The built API as a real process (<c>dotnet api/Raumnetz.Api/bin/&lt;Configuration&gt;/net10.0/Raumnetz.Api.dll</c>) on a
/// free loopback port, configured through environment variables exactly as a deployment would be. Its console output
/// is kept for failure messages (and for the tests of what it logs).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output;

    private ApiProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        this.process = process;
        this.output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int ProcessId => process.Id;
    public bool HasExited => process.HasExited;
    public string Output => string.Join('\n', output);
    public IReadOnlyList<string> Lines => output.ToArray();

    /// <summary>The directory holding Raumnetz.slnx, found by walking up from the test assembly.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built with (its bin/&lt;Configuration&gt;/ segment).</summary>
    public static string Configuration { get; } = DetectConfiguration();

    public static string ApiDll => Path.Combine(RepoRoot, "api", "Raumnetz.Api", "bin", Configuration, "net10.0", "Raumnetz.Api.dll");

    /// <summary>
    /// Starts the API on a free port (it migrates on start unless the settings say otherwise); does not wait for readiness.
    /// Logging is quiet and plain (warnings, one line each) unless <paramref name="shippedLogging"/> keeps appsettings.json's.
    /// </summary>
    public static ApiProcess Start(string connectionString, IDictionary<string, string>? settings = null, bool shippedLogging = false)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var output = new ConcurrentQueue<string>();
        var process = Launch(["--urls", baseAddress.ToString().TrimEnd('/')], connectionString, settings, output, shippedLogging);
        return new ApiProcess(process, output, baseAddress);
    }

    /// <summary>Runs <c>Raumnetz.Api.dll --migrate</c> to completion: its exit code and console output.</summary>
    public static async Task<(int ExitCode, string Output)> MigrateAsync(string connectionString, TimeSpan timeout)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Launch(["--migrate"], connectionString, null, output);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'--migrate' did not finish within {timeout.TotalSeconds} s:\n{string.Join('\n', output)}");
        }
        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, string.Join('\n', output));
    }

    private static Process Launch(string[] arguments, string connectionString, IDictionary<string, string>? settings,
        ConcurrentQueue<string> output,
        bool shippedLogging = false)
    {
        if (!File.Exists(ApiDll)) throw new InvalidOperationException(
            $"The API is not built: {ApiDll} is missing. Run 'dotnet build Raumnetz.slnx' first.");
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = Path.GetDirectoryName(ApiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ApiDll);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Raumnetz"] = connectionString,
            ["Raumnetz__Admin__Email"] = ApiFactory.AdminEmail,
            ["Raumnetz__Admin__Password"] = ApiFactory.AdminPassword,
            ["Raumnetz__DemoData"] = "false",
            // Request quotas out of reach (the outage tests send requests in loops), as in ApiFactory.
            ["Raumnetz__RateLimits__PerUserPerMinute"] = "1000000",
            ["Raumnetz__RateLimits__PerKeyPerMinute"] = "1000000",
            ["Raumnetz__RateLimits__AnonymousPerMinute"] = "1000000",
        };
        if (!shippedLogging)
        {
            environment["Logging__LogLevel__Default"] = "Warning";
            environment["Logging__LogLevel__Raumnetz"] = "Warning";
            environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
            environment["Logging__Console__FormatterName"] = "simple";
            environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) environment[k] = v;
        foreach (var (k, v) in environment) start.Environment[k] = v;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue("stderr: " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls /health/ready until it answers 200; fails at once when the process has exited.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = Anonymous();
        var watch = Stopwatch.StartNew();
        var last = "no answer";
        while (watch.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The API process exited with code {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API at {BaseAddress} was not ready after {timeout.TotalSeconds} s (last: {last}):\n{Output}");
    }

    public HttpClient Anonymous() => new(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(20),
    };

    /// <summary>
    /// Signs in through this process as the administrator: session cookie plus the X-XSRF-TOKEN header. Requests time out
    /// after <paramref name="timeout"/> (20 s unless given).
    /// </summary>
    public async Task<HttpClient> SignedInAsync(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        };
        var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"Login through {BaseAddress} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var xsrf = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .First(c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", Uri.UnescapeDataString(xsrf["XSRF-TOKEN=".Length..]));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
    }

    /// <summary>
    /// The PostgreSQL server these tests use (RAUMNETZ_TEST_POSTGRES). They run in the PostgreSql pass of the suite; other
    /// passes exclude them with --filter "Category!=PostgreSql", so a missing server here is a misconfiguration, not a skip.
    /// </summary>
    public static string PostgresServer => TestDatabase.PostgresServer ?? throw new InvalidOperationException(
        "These deployment tests need a PostgreSQL server: set RAUMNETZ_TEST_POSTGRES to its connection string "
        + "(eval \"$(build/pg start /tmp/raumnetz-pg)\" prints it), or exclude them with --filter \"Category!=PostgreSql\".");

    /// <summary>A new empty database on the test server (dropped when disposed).</summary>
    public static TestDatabase FreshPostgresDatabase()
    {
        _ = PostgresServer;
        return TestDatabase.Postgres();
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<T>(connection, sql, parameters)
            ?? throw new InvalidOperationException($"No value from {sql}");
    }

    private static string DotnetHost
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return host;
            if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
            return "dotnet";
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Raumnetz.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Raumnetz.slnx not found above {AppContext.BaseDirectory}.");
    }

    private static string DetectConfiguration()
    {
        var parts = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        return bin >= 0 && bin + 1 < parts.Length ? parts[bin + 1] : "Debug";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
