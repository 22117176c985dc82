using System.Data.Common;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Changes;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;
using static Raumnetz.IntegrationTests.Changes.ChangesApi;

namespace Raumnetz.IntegrationTests.Changes;

/// <summary>
/// Two transactions that commit in another order than they started: a reader polling in between never misses a change and
/// never sees one twice, because a change's position is handed out under a lock held to commit (on SQLite the database's
/// only write lock does that, from the start of the transaction).
/// </summary>
public sealed class FeedCommitOrderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private IDbConnectionFactory Db => factory.Services.GetRequiredService<IDbConnectionFactory>();

    private async Task<(DbConnection Connection, DbTransaction Tx)> BeginAsync()
    {
        var connection = await Db.OpenAsync(CancellationToken.None);
        return (connection, await connection.BeginTransactionAsync());
    }

    private Task RecordAsync(DbConnection connection, DbTransaction tx, string id) =>
        ChangeFeed.RecordAsync(connection, tx, Db.Dialect, new EntityChange
        {
            EntityType = "actor", EntityId = id, Action = "update", Version = 2, Fields = ["name"], OccurredAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

    /// <summary>A reader that keeps polling from its own position, as a partner does, and keeps what it saw.</summary>
    private sealed class Reader(HttpClient client, string start)
    {
        public List<string> Seen { get; } = [];
        private string cursor = start;

        public async Task PollAsync()
        {
            var (items, next) = await AllAfterAsync(client, cursor, "actor");
            Seen.AddRange(items.Select(i => i.Str("entityId")));
            cursor = next;
        }
    }

    [Fact]
    public async Task The_transaction_that_started_first_and_commits_last_is_not_skipped()
    {
        var admin = await factory.AdminAsync();
        var reader = new Reader(admin, await LatestAsync(admin));
        string early = "early-" + Guid.NewGuid().ToString("N"), late = "late-" + Guid.NewGuid().ToString("N");

        var (c1, t1) = await BeginAsync(); // starts first (on SQLite it holds the write lock from here on)
        var second = Task.Run(async () =>
        {
            var (c2, t2) = await BeginAsync();
            await RecordAsync(c2, t2, late);
            await t2.CommitAsync();
            await c2.DisposeAsync();
        });
        await Task.WhenAny(second, Task.Delay(500));
        await reader.PollAsync(); // on PostgreSQL the second has committed here; on SQLite it still waits for the first
        await RecordAsync(c1, t1, early);
        await reader.PollAsync();
        Assert.DoesNotContain(early, reader.Seen); // not committed yet
        await t1.CommitAsync();
        await c1.DisposeAsync();
        await second;
        for (var i = 0; i < 3; i++) await reader.PollAsync();

        Assert.Equal(1, reader.Seen.Count(s => s == early));
        Assert.Equal(1, reader.Seen.Count(s => s == late));
        // The position order is the commit order, whichever transaction started first.
        var all = (await AllAfterAsync(admin, null, "actor")).Items.Select(i => i.Str("entityId")).ToList();
        Assert.Equal(factory.Database.Provider == "Sqlite" ? [early, late] : [late, early], all.Where(s => s == early || s == late));
        Assert.Equal(all.Where(s => s == early || s == late), reader.Seen.Where(s => s == early || s == late));
    }

    [Fact]
    public async Task A_transaction_that_numbered_its_change_first_holds_back_the_next_until_it_commits()
    {
        var admin = await factory.AdminAsync();
        var reader = new Reader(admin, await LatestAsync(admin));
        string first = "first-" + Guid.NewGuid().ToString("N"), then = "then-" + Guid.NewGuid().ToString("N");

        var (c1, t1) = await BeginAsync();
        await RecordAsync(c1, t1, first);
        var second = Task.Run(async () =>
        {
            var (c2, t2) = await BeginAsync();
            await RecordAsync(c2, t2, then);
            await t2.CommitAsync();
            await c2.DisposeAsync();
        });
        await Task.Delay(500);
        Assert.False(second.IsCompleted); // it waits for the lock (SQLite: for the write lock) until the first commits
        await reader.PollAsync();
        Assert.DoesNotContain(reader.Seen, s => s == first || s == then);
        await t1.CommitAsync();
        await c1.DisposeAsync();
        await second;
        await reader.PollAsync();
        Assert.Equal([first, then], reader.Seen.Where(s => s == first || s == then));
    }

    [Fact]
    public async Task Many_concurrent_writers_and_a_polling_reader_see_every_change_exactly_once_in_position_order()
    {
        var admin = await factory.AdminAsync();
        var reader = new Reader(admin, await LatestAsync(admin));
        var ids = Enumerable.Range(0, 24).Select(i => $"c{i}-{Guid.NewGuid():N}").ToList();
        var writers = ids.Select((id, i) => Task.Run(async () =>
        {
            var (c, t) = await BeginAsync();
            await Task.Delay(i % 4 * 20);
            await RecordAsync(c, t, id);
            await Task.Delay((3 - i % 4) * 20); // commit some while others still hold their change
            await t.CommitAsync();
            await c.DisposeAsync();
        })).ToList();
        while (!writers.All(w => w.IsCompleted)) await reader.PollAsync();
        await Task.WhenAll(writers);
        await reader.PollAsync();
        var mine = reader.Seen.Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), mine.Order());
        var all = (await AllAfterAsync(admin, null, "actor")).Items.Select(i => i.Str("entityId")).Where(ids.Contains).ToList();
        Assert.Equal(all, mine);
    }
}
