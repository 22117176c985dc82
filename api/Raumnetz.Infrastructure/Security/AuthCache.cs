using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Security;

/// <summary>
/// The sessions and API keys authentication has read, kept in memory for a short while (<see cref="SessionLifetimes.CacheSeconds"/>),
/// so that a request does not look its caller up in the database again. An entry is trusted only while the database's
/// <c>auth_revision</c> (migration 0065) is the one it was read at: triggers raise that revision with every change to what
/// authentication reads (a session ended, a user deactivated or given another role, a grant, a key revoked), whichever
/// instance or tool made it, so the next request on every instance reads the caller afresh. The revision is read before the
/// entry it tags, so a change committed in between makes the entry stale at once rather than leaving it in the cache.
/// Misses are not cached: an unknown key is looked up each time, as before.
/// </summary>
public sealed class AuthCache(AuthRevision revision, SessionLifetimes options) : IDisposable
{
    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>
    /// The value cached under <paramref name="key"/> when it was read at the database's current revision, else the value
    /// <paramref name="load"/> reads (then cached, unless null). <paramref name="fresh"/> skips the cache (and refreshes it).
    /// </summary>
    public async Task<T?> GetAsync<T>(string key, Func<CancellationToken, Task<T?>> load, CancellationToken ct, bool fresh = false)
        where T : class
    {
        if (options.CacheLifetime <= TimeSpan.Zero) return await load(ct);
        var current = await revision.CurrentAsync(ct);
        if (!fresh && entries.TryGetValue(key, out Entry<T>? hit) && hit!.Revision == current) return hit.Value;
        var value = await load(ct);
        if (value is null) entries.Remove(key);
        else entries.Set(key, new Entry<T>(value, current),
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.CacheLifetime, Size = 1 });
        return value;
    }

    /// <summary>Drops the entry (after a change this instance made, before its revision is visible to others).</summary>
    public void Forget(string key) => entries.Remove(key);

    public void Dispose() => entries.Dispose();

    private sealed record Entry<T>(T Value, long Revision);
}

/// <summary>
/// Reads the database's <c>auth_revision</c>. On SQLite, through one connection of its own with the statement prepared
/// once (a few microseconds; the file is local, so every instance sees a commit at once); on the server databases, through a
/// pooled connection with the read retry (one small query in place of the session's or key's join).
/// </summary>
public sealed class AuthRevision(IDbConnectionFactory db) : IDisposable
{
    private const string Sql = "SELECT revision FROM auth_revision WHERE id = 1";
    private readonly Lock gate = new();
    private DbConnection? connection;
    private DbCommand? command;

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            if (Volatile.Read(ref command) is null) await PrepareAsync(ct);
            lock (gate)
            {
                if (command is not null)
                {
                    try
                    {
                        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch
                    {
                        Close(); // a broken connection is not kept: the next request opens another
                        throw;
                    }
                }
            }
        }
        return await db.ReadAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: t)), ct);
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        DbConnection? opened = await db.OpenAsync(ct);
        lock (gate)
        {
            if (command is null)
            {
                var prepared = opened.CreateCommand();
                prepared.CommandText = Sql;
                prepared.Prepare();
                connection = opened;
                command = prepared;
                opened = null;
            }
        }
        if (opened is not null) await opened.DisposeAsync();
    }

    public void Dispose()
    {
        lock (gate) Close();
    }

    private void Close()
    {
        command?.Dispose();
        connection?.Dispose();
        command = null;
        connection = null;
    }
}
