using System.Diagnostics;
using Npgsql;

namespace Raumnetz.IntegrationTests.Deployment;

/// <summary>
/// A throwaway PostgreSQL cluster of a test's own (build/pg start), which the test may stop and start again on the
/// same port. Runs as user postgres when the tests run as root, like build/pg.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string dir;
    private readonly string bin;

    private PostgresCluster(string dir, string bin, string serverConnectionString)
    {
        this.dir = dir;
        this.bin = bin;
        ServerConnectionString = serverConnectionString;
        Port = new NpgsqlConnectionStringBuilder(serverConnectionString).Port;
    }

    public string ServerConnectionString { get; }
    public int Port { get; }
    public bool IsRunning { get; private set; } = true;

    public static async Task<PostgresCluster> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"raumnetz-pg-{Guid.NewGuid():N}");
        var (code, output) = await RunAsync("bash", [Path.Combine(ApiProcess.RepoRoot, "build", "pg"), "start", dir],
            TimeSpan.FromSeconds(120));
        if (code != 0) throw new InvalidOperationException($"build/pg start failed ({code}):\n{output}");
        string Export(string name) => output.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))?[$"export {name}=".Length..].Trim('\'')
            ?? throw new InvalidOperationException($"build/pg start printed no {name}:\n{output}");
        var bin = Environment.GetEnvironmentVariable("RAUMNETZ_PG_BIN") is { Length: > 0 } b && File.Exists(Path.Combine(b, "pg_ctl")) ? b
            : Export("RAUMNETZ_PG_BIN");
        return new PostgresCluster(dir, bin, Export("RAUMNETZ_TEST_POSTGRES"));
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"rn_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString()))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE {name}";
            await cmd.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ToString();
    }

    /// <summary>Kills the server at once (pg_ctl -m immediate): sessions end without goodbye, like a crash or a failover.</summary>
    public async Task StopAsync()
    {
        await PgCtlAsync("-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop");
        IsRunning = false;
    }

    /// <summary>Starts the stopped server again on the same port and waits until it accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        await PgCtlAsync("-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {dir} -c fsync=off -c max_connections=300", "-w", "start");
        IsRunning = true;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("bash", [Path.Combine(ApiProcess.RepoRoot, "build", "pg"), "stop", dir], TimeSpan.FromSeconds(60));
    }

    private async Task PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(bin, "pg_ctl");
        var (code, output) = Environment.IsPrivilegedProcess
            ? await RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. args], TimeSpan.FromSeconds(60))
            : await RunAsync(pgCtl, args, TimeSpan.FromSeconds(60));
        if (code != 0) throw new InvalidOperationException($"pg_ctl {string.Join(' ', args)} failed ({code}):\n{output}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
