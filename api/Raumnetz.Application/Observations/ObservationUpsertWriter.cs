using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Writes the checked rows of an import with the provider's bulk upsert (<see cref="ISqlDialect.BeginBulkUpsertAsync"/>)
/// on a thread of its own while the caller goes on reading and checking. Rows go over in batches through a bounded
/// channel (handing over single rows costs a thread switch per row whenever the writer waits); it holds up to 64 batches,
/// so reading goes on while the server writes a chunk (PostgreSQL). A read the checking needs on the import's connection
/// (<see cref="ReadAsync{T}"/>) runs on the writer's thread between two rows, as the connection takes one command at a time.
/// Dispose it when reading fails: the writer stops, and its own error gives way to the reading error.
/// </summary>
internal sealed class ObservationUpsertWriter : IAsyncDisposable
{
    private const int BatchSize = 1024;
    /// <summary>What the changes feed records of each written row besides id and version.</summary>
    private static readonly string[] ChangedColumns = ["space_id"];
    private readonly Channel<Work> channel =
        Channel.CreateBounded<Work>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
    private readonly Task<BulkUpsertCount> writing;
    private List<ObservationValues> batch = new(BatchSize);
    private volatile bool keep;

    private ObservationUpsertWriter(ISqlDialect dialect, DbConnection connection, DbTransaction tx, TimeProvider clock, DateTimeOffset now,
        CancellationToken ct) =>
        writing = Task.Run(() => WriteAsync(dialect, connection, tx, clock, now, ct), CancellationToken.None);

    /// <summary>
    /// Starts the writer on the connection and transaction of the import; every row it inserts or changes gets
    /// <paramref name="now"/> as updated_at (which finds them for the changes feed).
    /// </summary>
    public static ObservationUpsertWriter Start(ISqlDialect dialect, DbConnection connection, DbTransaction tx, TimeProvider clock,
        DateTimeOffset now, CancellationToken ct) =>
        new(dialect, connection, tx, clock, now, ct);

    /// <summary>Queues a row; a full batch goes to the writer. Throws what stopped the writer, if it stopped.</summary>
    public async ValueTask AddAsync(ObservationValues values, CancellationToken ct)
    {
        batch.Add(values);
        if (batch.Count < BatchSize) return;
        await SendAsync(ct);
        batch = new List<ObservationValues>(BatchSize);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the import's connection and transaction once the rows queued before it are handed to
    /// the bulk upsert (which pauses for it), and returns its result. Throws what stopped the writer, if it stopped.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (batch.Count > 0)
        {
            await SendAsync(ct);
            batch = new List<ObservationValues>(BatchSize);
        }
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync(new Work(null, async (connection, tx, token) => done.SetResult(await read(connection, tx, token))), ct);
        if (await Task.WhenAny(done.Task, writing) != done.Task)
        {
            await writing; // rethrows what stopped the writer
            throw new InvalidOperationException("The import's writer stopped before it ran the read.");
        }
        return await done.Task;
    }

    /// <summary>
    /// Sends the rows still queued and lets the writer finish: what it inserted and changed. Unless
    /// <paramref name="keep"/> (a row was bad: nothing will be kept) the rest is not sent and the writer stops without
    /// writing what it holds; the count is then zero.
    /// </summary>
    public async Task<BulkUpsertCount> CompleteAsync(bool keep, CancellationToken ct)
    {
        if (keep && batch.Count > 0) await SendAsync(ct);
        this.keep = keep;
        channel.Writer.TryComplete();
        return await writing;
    }

    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        try { await writing; }
        catch { /* after CompleteAsync it was thrown there; after a reading error that error is the one to report */ }
    }

    private ValueTask SendAsync(CancellationToken ct) => SendAsync(new Work(batch, null), ct);

    private async ValueTask SendAsync(Work work, CancellationToken ct)
    {
        try { await channel.Writer.WriteAsync(work, ct); }
        catch (ChannelClosedException)
        {
            await writing; // rethrows what stopped the writer
            throw;
        }
    }

    private async Task<BulkUpsertCount> WriteAsync(ISqlDialect dialect, DbConnection connection, DbTransaction tx, TimeProvider clock,
        DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var bulk = await dialect.BeginBulkUpsertAsync(connection, tx, ObservationSql.Statement, Row.Parameters,
                ChangedColumns, ct);
            var row = new Row(clock, now);
            await foreach (var work in channel.Reader.ReadAllAsync(ct))
            {
                if (work.Read is not null)
                {
                    await bulk.PauseAsync(ct);
                    await work.Read(connection, tx, ct);
                }
                foreach (var v in work.Rows ?? []) await bulk.AddAsync(row.Values(v), ct);
            }
            return keep ? await bulk.CompleteAsync(ct) : default;
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e); // the reading side must not wait on a full channel nobody empties
            throw;
        }
    }

    /// <summary>What the writer is handed: a batch of rows, or a read to run between two rows.</summary>
    private sealed record Work(List<ObservationValues>? Rows, Func<DbConnection, DbTransaction, CancellationToken, Task>? Read);

    /// <summary>The values of the upsert's parameters for one row, in one array reused for every row.</summary>
    private sealed class Row(TimeProvider clock, DateTimeOffset now)
    {
        public static readonly PreparedParameter[] Parameters =
        [
            new("id", DbType.Guid), new("indicatorId", DbType.Guid), new("spaceId", DbType.Guid), new("period", DbType.String),
            new("firstMonth", DbType.Int32), new("lastMonth", DbType.Int32), new("value", DbType.Double), new("numerator", DbType.Double),
            new("denominator", DbType.Double), new("status", DbType.String), new("source", DbType.String), new("note", DbType.String),
            new("ratingCount", DbType.Int32), new("now", DbType.DateTimeOffset),
        ];

        private readonly object?[] values = new object?[Parameters.Length];
        private readonly BulkIds ids = new(clock);
        private readonly object boxedNow = now.ToUniversalTime();

        public object?[] Values(ObservationValues v)
        {
            values[0] = ids.Next();
            values[1] = v.IndicatorId;
            values[2] = v.SpaceId;
            values[3] = v.Period.ToString();
            values[4] = v.Period.FirstMonth;
            values[5] = v.Period.LastMonth;
            values[6] = v.Value;
            values[7] = v.Numerator;
            values[8] = v.Denominator;
            values[9] = v.Status.ToString();
            values[10] = v.Source;
            values[11] = v.Note;
            values[12] = v.RatingCount;
            values[13] = boxedNow;
            return values;
        }
    }
}
