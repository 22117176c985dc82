using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Common;

/// <summary>Dapper reads that go straight into response records where a query needs one column more than the record has.</summary>
public static class QueryExtensions
{
    /// <summary>The column that <see cref="QueryPageAsync{T}"/> reads the cursor's sort key from; it must be the last one.</summary>
    public const string SortKey = "sort_key";

    /// <summary>
    /// One page of <typeparamref name="T"/> from SQL that fetches <paramref name="limit"/> + 1 rows and ends its column list
    /// with the sort key (<c>..., s.search_key AS sort_key</c>): the key feeds the cursor and is not part of the record.
    /// </summary>
    public static async Task<Page<T>> QueryPageAsync<T>(this DbConnection connection, string sql, object parameters, int limit,
        Func<T, Guid> id, CancellationToken ct)
    {
        var rows = (await connection.QueryAsync<T, string, (T Item, string Key)>(
            new CommandDefinition(sql, parameters, cancellationToken: ct), (item, key) => (item, key), splitOn: SortKey)).ToList();
        var page = Paging.ToPage(rows, limit, r => (r.Key, id(r.Item)));
        return new Page<T>(page.Items.Select(r => r.Item).ToList(), page.NextCursor);
    }

    /// <summary>
    /// Parts of several records in one query: the first column is the id of the record a row belongs to, the columns from
    /// <paramref name="splitOn"/> on are read into <typeparamref name="T"/> (a record, or a single value such as a tag).
    /// </summary>
    public static async Task<ILookup<Guid, T>> QueryByOwnerAsync<T>(this DbConnection connection, string sql, object parameters,
        string splitOn, DbTransaction? tx, CancellationToken ct) =>
        (await connection.QueryAsync<Guid, T, (Guid Owner, T Item)>(
            new CommandDefinition(sql, parameters, tx, cancellationToken: ct), (owner, item) => (owner, item), splitOn: splitOn))
        .ToLookup(r => r.Owner, r => r.Item);
}
