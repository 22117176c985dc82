using System.Data.Common;
using Dapper;

namespace Raumnetz.Application.Fundings;

/// <summary>The loads of fundings that several use cases share (GET, the lists and the answers of create and update).</summary>
public sealed class FundingReads
{
    /// <summary>The columns of <see cref="FundingDto"/>.</summary>
    public const string Columns = """
        f.id, f.service_id, s.name AS service_name, f.funder_actor_id, a.name AS funder_name, f.programme, f.amount_per_year,
        f.share_percent, f.starts_on, f.ends_on, f.renewal_status, f.note, f.version, f.created_at, f.updated_at
        """;

    public const string From = "service_fundings f JOIN services s ON s.id = f.service_id JOIN actors a ON a.id = f.funder_actor_id";

    /// <summary>The funding with this id; null when there is none.</summary>
    public async Task<FundingDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct) =>
        await connection.QuerySingleOrDefaultAsync<FundingDto>(new CommandDefinition(
            $"SELECT {Columns} FROM {From} WHERE f.id = @id", new { id }, tx, cancellationToken: ct));
}
