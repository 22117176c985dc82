using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Writes the checked rows of an import with one prepared upsert on a thread of its own while the caller goes on
/// reading and checking. Rows go over in batches through a bounded channel (handing over single rows costs a thread
/// switch per row whenever the writer waits). Dispose it when reading fails: the writer stops, and its own error gives
/// way to the reading error.
/// </summary>
internal sealed class ObservationUpsertWriter : IAsyncDisposable
{
    private const int BatchSize = 1024;
    private readonly Channel<List<ObservationValues>> channel =
        Channel.CreateBounded<List<ObservationValues>>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
    private readonly Task<long> writing;
    private List<ObservationValues> batch = new(BatchSize);

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
    /// Sends the rows still queued (unless <paramref name="sendRest"/> is false: nothing will be kept), lets the writer
    /// finish and returns how many rows it inserted or changed.
    /// </summary>
    public async Task<long> CompleteAsync(bool sendRest, CancellationToken ct)
    {
        if (sendRest && batch.Count > 0) await SendAsync(ct);
        channel.Writer.TryComplete();
        return await writing;
    }

    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        try { await writing; }
        catch { /* after CompleteAsync it was thrown there; after a reading error that error is the one to report */ }
    }

    private async ValueTask SendAsync(CancellationToken ct)
    {
        try { await channel.Writer.WriteAsync(batch, ct); }
        catch (ChannelClosedException)
        {
            await writing; // rethrows what stopped the writer
            throw;
        }
    }

    private async Task<long> WriteAsync(ISqlDialect dialect, DbConnection connection, DbTransaction tx, TimeProvider clock, DateTimeOffset now,
        CancellationToken ct)
    {
        try
        {
            await using var upsert = await PreparedUpsert.PrepareAsync(dialect, connection, tx, clock, now, ct);
            long changed = 0;
            await foreach (var rows in channel.Reader.ReadAllAsync(ct))
                foreach (var v in rows) changed += await upsert.ExecuteAsync(v, ct);
            return changed + await upsert.FlushAsync(ct);
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e); // the reading side must not wait on a full channel nobody empties
            throw;
        }
    }

    /// <summary>
    /// The upsert as one prepared command whose values change per row (far cheaper than a new command per row), run
    /// without RETURNING: reading a result per row costs more than the insert itself on SQLite. Inserted rows are counted
    /// from COUNT(*) before and after instead.
    /// </summary>
    private sealed class PreparedUpsert(IPreparedCommand command, TimeProvider clock, DateTimeOffset now) : IAsyncDisposable
    {
        private static readonly PreparedParameter[] Parameters =
        [
            new("id", DbType.Guid), new("indicatorId", DbType.Guid), new("spaceId", DbType.Guid), new("period", DbType.String),
            new("firstMonth", DbType.Int32), new("lastMonth", DbType.Int32), new("value", DbType.Double), new("numerator", DbType.Double),
            new("denominator", DbType.Double), new("status", DbType.String), new("source", DbType.String), new("note", DbType.String),
            new("ratingCount", DbType.Int32), new("now", DbType.DateTimeOffset),
        ];

        private readonly object?[] values = new object?[Parameters.Length];
        private readonly BulkIds ids = new(clock);
        private readonly object boxedNow = now.ToUniversalTime();

        public static async Task<PreparedUpsert> PrepareAsync(ISqlDialect dialect, DbConnection connection, DbTransaction tx, TimeProvider clock,
            DateTimeOffset now, CancellationToken ct) =>
            new(await dialect.PrepareAsync(connection, tx, ObservationSql.Upsert(dialect, returning: false), Parameters, ct), clock, now);

        /// <summary>Runs the upsert; returns 1 when it inserted or changed the row, 0 when the row was equal already.</summary>
        public ValueTask<int> ExecuteAsync(ObservationValues v, CancellationToken ct)
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
            return command.ExecuteAsync(values, ct);
        }

        public ValueTask<int> FlushAsync(CancellationToken ct) => command.FlushAsync(ct);

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }
}
