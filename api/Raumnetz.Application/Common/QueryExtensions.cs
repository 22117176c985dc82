using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Common;

/// <summary>Dapper reads that go straight into response records where a query needs one column more than the record has.</summary>
public static class QueryExtensions
{
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
