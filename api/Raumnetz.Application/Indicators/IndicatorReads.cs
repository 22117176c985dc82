using System.Data.Common;
using AutoMapper;
using Dapper;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// The load of an indicator that several use cases share: GET, and the answers of create and update. (Indicator rows
/// by id for the rules of values, assessments, imports and exports: <see cref="IndicatorRow.LoadAsync"/>.)
/// </summary>
public sealed class IndicatorReads(IMapper mapper)
{
    /// <summary>The indicator with this id; null when there is none.</summary>
    public async Task<IndicatorDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(
            $"SELECT {IndicatorRow.Columns} FROM indicators i WHERE i.id = @id", new { id }, tx, cancellationToken: ct));
        return row is null ? null : mapper.Map<IndicatorDto>(row);
    }
}
