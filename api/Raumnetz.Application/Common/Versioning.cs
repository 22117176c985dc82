using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Common;

/// <summary>Optimistic concurrency on rows with an integer <c>version</c> column.</summary>
public static class Versioning
{
    /// <summary>
    /// Reads the row's version inside the transaction: 404 when missing, 412 when <paramref name="expected"/> is given and differs.
    /// The caller's UPDATE then guards with <c>WHERE version = @version</c> and calls <see cref="EnsureUpdated"/>.
    /// </summary>
    public static async Task<long> CheckAsync(DbConnection connection, DbTransaction tx, string table, string resource, Guid id,
        long? expected)
    {
        var current = await connection.QuerySingleOrDefaultAsync<long?>($"SELECT version FROM {table} WHERE id = @id", new { id }, tx);
        if (current is null) throw new NotFoundException(resource, id);
        if (expected is not null && expected != current) throw new StaleVersionException(resource, id, expected.Value, current.Value);
        return current.Value;
    }

    /// <summary>An UPDATE guarded by version touched no row: someone else changed it in between.</summary>
    public static void EnsureUpdated(int rows, string resource, Guid id, long version)
    {
        if (rows == 0) throw new StaleVersionException(resource, id, version, version + 1);
    }
}
