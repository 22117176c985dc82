using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>
/// The loads of indicator sets that several use cases share: a set with its indicators (GET, the list, the evaluation
/// and the answers of create and update) and a set's goals (GET goals and the answer of setting them).
/// </summary>
public sealed class IndicatorSetReads(IDbConnectionFactory db)
{
    /// <summary>The columns of <see cref="IndicatorSetDto"/> (without its indicators), read straight into it.</summary>
    public const string Columns = "s.id, s.name, s.purpose, s.network_id, s.version, s.created_at, s.updated_at";

    /// <summary>The set with this id and its indicators; null when there is none.</summary>
    public async Task<IndicatorSetDto?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id, CancellationToken ct)
    {
        var set = await connection.QuerySingleOrDefaultAsync<IndicatorSetDto>(new CommandDefinition(
            $"SELECT {Columns} FROM indicator_sets s WHERE s.id = @id", new { id }, tx, cancellationToken: ct));
        return set is null ? null : (await CompleteAsync(connection, tx, [set], ct))[0];
    }

    /// <summary>Fills in the indicators of the sets, in their order, with one query for the whole set of sets.</summary>
    public async Task<List<IndicatorSetDto>> CompleteAsync(DbConnection connection, DbTransaction? tx, IReadOnlyList<IndicatorSetDto> sets,
        CancellationToken ct)
    {
        if (sets.Count == 0) return [];
        var items = await connection.QueryByOwnerAsync<IndicatorSetItem>($"""
            SELECT x.set_id, x.position, x.indicator_id, i.code, i.name, i.kind, i.unit, i.direction
            FROM indicator_set_items x JOIN indicators i ON i.id = x.indicator_id
            WHERE {db.Dialect.In("x.set_id", "@ids")}
            ORDER BY x.position
            """, new { ids = sets.Select(s => s.Id).ToList() }, "position", tx, ct);
        return sets.Select(s =>
        {
            var list = items[s.Id].ToList();
            return s with { Indicators = list, ExceedsRecommendedSize = list.Count > IndicatorRules.FewAndMeaningful };
        }).ToList();
    }

    /// <summary>The baselines and targets of a set, of every space or of <paramref name="spaceId"/> only.</summary>
    public async Task<IndicatorGoalList> GoalsAsync(DbConnection connection, DbTransaction? tx, Guid setId, Guid? spaceId,
        CancellationToken ct)
    {
        var filter = spaceId is null ? "" : " AND space_id = @spaceId";
        var args = new { setId, spaceId };
        var baselines = await connection.QueryAsync<GoalRow>(new CommandDefinition(
            $"SELECT indicator_id, space_id, period, value FROM indicator_baselines WHERE set_id = @setId{filter}", args, tx,
                cancellationToken: ct));
        var targets = (await connection.QueryAsync<GoalRow>(new CommandDefinition(
            $"SELECT indicator_id, space_id, period, value FROM indicator_targets WHERE set_id = @setId{filter}", args, tx,
                cancellationToken: ct))).ToLookup(r => (r.IndicatorId, r.SpaceId));
        var b = baselines.ToDictionary(r => (r.IndicatorId, r.SpaceId));
        return new IndicatorGoalList(b.Keys.Concat(targets.Select(g => g.Key)).Distinct().OrderBy(k => k.IndicatorId).ThenBy(k => k.SpaceId)
            .Select(k => new IndicatorGoalDto
        {
            IndicatorId = k.IndicatorId,
            SpaceId = k.SpaceId,
            Baseline = b.TryGetValue(k, out var bl) ? new PeriodValueDto { Period = bl.Period, Value = bl.Value } : null,
            Targets = targets[k].OrderBy(x => Period.Parse(x.Period)).Select(x => new PeriodValueDto { Period = x.Period, Value = x.Value })
                .ToList(),
        }).ToList());
    }
}
