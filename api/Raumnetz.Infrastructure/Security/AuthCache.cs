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
/// Reads the database's <c>auth_revision</c>. On SQLite, through a few connections of its own (four per core, each with the
/// statement prepared once, a request takes the first one free): a few microseconds, and as the file is local every instance
/// sees a commit at once. On the server
/// databases, through a pooled connection with the read retry (one small query in place of the session's or key's join).
/// </summary>
public sealed class AuthRevision(IDbConnectionFactory db) : IDisposable
{
    private const string Sql = "SELECT revision FROM auth_revision WHERE id = 1";
    private readonly Slot[] slots = Enumerable.Range(0, 4 * Math.Max(1, Environment.ProcessorCount)).Select(_ => new Slot()).ToArray();

    public async Task<long> CurrentAsync(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            var home = (int)((uint)Environment.CurrentManagedThreadId % (uint)slots.Length);
            for (var i = 0; i < slots.Length; i++)
            {
                var slot = slots[(home + i) % slots.Length];
                if (Volatile.Read(ref slot.Command) is null) await slot.PrepareAsync(db, ct);
                if (slot.TryRead(out var revision, wait: i == slots.Length - 1)) return revision;
            }
        }
        return await db.ReadAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: t)), ct);
    }

    public void Dispose()
    {
        foreach (var slot in slots) slot.Dispose();
    }

    private sealed class Slot : IDisposable
    {
        private readonly Lock gate = new();
        private DbConnection? connection;
        public DbCommand? Command;

        /// <summary>The revision, when this slot is free (or <paramref name="wait"/>) and prepared.</summary>
        public bool TryRead(out long revision, bool wait)
        {
            revision = 0;
            if (!wait && !gate.TryEnter()) return false;
            if (wait) gate.Enter();
            try
            {
                if (Command is null) return false;
                try
                {
                    revision = Convert.ToInt64(Command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                    return true;
                }
                catch
                {
                    Close(); // a broken connection is not kept: the next request opens another
                    throw;
                }
            }
            finally
            {
                gate.Exit();
            }
        }

        public async Task PrepareAsync(IDbConnectionFactory db, CancellationToken ct)
        {
            DbConnection? opened = await db.OpenAsync(ct);
            lock (gate)
            {
                if (Command is null)
                {
                    var prepared = opened.CreateCommand();
                    prepared.CommandText = Sql;
                    prepared.Prepare();
                    connection = opened;
                    Command = prepared;
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
            Command?.Dispose();
            connection?.Dispose();
            Command = null;
            connection = null;
        }
    }
}
