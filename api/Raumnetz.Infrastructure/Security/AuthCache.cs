using Dapper;
using Microsoft.Extensions.Caching.Memory;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Security;

/// <summary>
/// The sessions and API keys authentication has read, kept in memory for a short while (<see cref="SessionLifetimes.CacheSeconds"/>),
/// so that a request does not look its caller up in the database again. An entry is trusted only while the database's
/// <c>auth_revision</c> (migration 0065) is the one it was read at: triggers raise that revision with every change to what
/// authentication reads (a session ended, a user deactivated or given another role, a grant, a key revoked), whichever
/// instance or tool made it. The revision itself is read at most once a second per instance (<see cref="AuthRevision"/>), and
/// at once after this instance made a change: so a change made here holds at the next request, one made elsewhere within
/// <see cref="AuthRevision.RecheckEvery"/> on this instance. The revision is read before the entry it tags, so a change
/// committed in between makes the entry stale rather than leaving it in the cache.
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

    /// <summary>
    /// Drops the entry after a change this instance made (before its revision is visible to others), and has the next request
    /// read the revision again.
    /// </summary>
    public void Forget(string key)
    {
        entries.Remove(key);
        revision.Invalidate();
    }

    /// <summary>This instance changed (or may have changed) what authentication reads: the next request reads the revision again.</summary>
    public void Changed() => revision.Invalidate();

    public void Dispose() => entries.Dispose();

    private sealed record Entry<T>(T Value, long Revision);
}

/// <summary>
/// The database's <c>auth_revision</c>, read at most once every <see cref="RecheckEvery"/> per instance (by the clock the
/// API runs on, so tests can move it) and at once after this instance changed something (<see cref="Invalidate"/>): so a
/// revocation made on another instance or by another tool is honoured here within that second, one made here at the next
/// request, and a request costs no query of its own for it in between.
/// </summary>
public sealed class AuthRevision(IDbConnectionFactory db, TimeProvider clock)
{
    /// <summary>How long a read revision is trusted at most (the window in which another instance's change is not seen yet).</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    private const string Sql = "SELECT revision FROM auth_revision WHERE id = 1";
    private Known? known;
    private long generation;

    public async ValueTask<long> CurrentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = Volatile.Read(ref known);
        if (last is not null && last.Generation == Interlocked.Read(ref generation)
            && now >= last.ReadAt && now - last.ReadAt < RecheckEvery)
            return last.Revision;
        // Tagged with the generation it started in: a read that began before this instance's own change is not trusted after it.
        var started = Interlocked.Read(ref generation);
        var revision = await db.ReadAsync((c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: t)), ct);
        Volatile.Write(ref known, new Known(revision, now, started));
        return revision;
    }

    /// <summary>This instance changed what authentication reads (or may have): the next request reads the revision again.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    private sealed record Known(long Revision, DateTimeOffset ReadAt, long Generation);
}
