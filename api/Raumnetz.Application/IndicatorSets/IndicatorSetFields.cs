using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>The editable fields of an indicator set, shared by create and update.</summary>
public abstract record IndicatorSetFields
{
    public string Name { get; init; } = "";
    /// <summary>What the set is for: which question of the network it answers.</summary>
    public string? Purpose { get; init; }
    /// <summary>The network that owns the set (optional); it must exist.</summary>
    public Guid? NetworkId { get; init; }
    /// <summary>The indicators in the order they are shown. More than seven are allowed but flagged: "better three than 20".</summary>
    public IReadOnlyCollection<Guid> IndicatorIds { get; init; } = [];
}

public abstract class IndicatorSetFieldsValidator<T> : AbstractValidator<T> where T : IndicatorSetFields
{
    public const int MaxIndicators = 50;

    protected IndicatorSetFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Purpose).MaximumLength(Limits.Note);
        RuleFor(x => x.IndicatorIds).NotNull().MaxItems(MaxIndicators);
        RuleFor(x => x.IndicatorIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.IndicatorIds is not null)
            .WithMessage(_ => Messages.Rule_IndicatorTwice);
    }
}

internal static class IndicatorSetChecks
{
    public static async Task CheckIndicatorsAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, IReadOnlyCollection<Guid> indicatorIds)
    {
        var ids = indicatorIds.Distinct().ToList();
        if (ids.Count == 0) return;
        var found = (await connection.QueryAsync<Guid>($"SELECT id FROM indicators WHERE {dialect.In("id", "@ids")}", new { ids }, tx)).ToHashSet();
        var missing = ids.FirstOrDefault(i => !found.Contains(i));
        if (missing != Guid.Empty) throw new InvalidFieldException("indicatorIds", Text.DoesNotExist("Indicator", missing));
    }

    public static async Task CheckNetworkAsync(DbConnection connection, DbTransaction tx, Guid? networkId)
    {
        if (networkId is not { } id) return;
        var exists = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM networks WHERE id = @id", new { id }, tx);
        if (exists == 0) throw new InvalidFieldException("networkId", Text.DoesNotExist("Network", id));
    }

    /// <summary>Replaces the ordered indicator list; baselines and targets of indicators that left the set go with them.</summary>
    public static async Task ReplaceIndicatorsAsync(DbConnection connection, DbTransaction tx, Guid id, IReadOnlyCollection<Guid> indicatorIds)
    {
        var keep = indicatorIds.ToHashSet();
        var before = (await connection.QueryAsync<Guid>("SELECT indicator_id FROM indicator_set_items WHERE set_id = @id", new { id }, tx)).ToList();
        foreach (var gone in before.Where(b => !keep.Contains(b)))
        {
            await connection.ExecuteAsync("DELETE FROM indicator_baselines WHERE set_id = @id AND indicator_id = @gone", new { id, gone }, tx);
            await connection.ExecuteAsync("DELETE FROM indicator_targets WHERE set_id = @id AND indicator_id = @gone", new { id, gone }, tx);
        }
        await connection.ExecuteAsync("DELETE FROM indicator_set_items WHERE set_id = @id", new { id }, tx);
        var position = 0;
        foreach (var indicatorId in indicatorIds)
            await connection.ExecuteAsync("INSERT INTO indicator_set_items (set_id, indicator_id, position) VALUES (@id, @indicatorId, @position)",
                new { id, indicatorId, position = ++position }, tx);
    }

    public static DynamicParameters Parameters(IndicatorSetFields f)
    {
        var p = new DynamicParameters();
        p.Add("name", f.Name.Trim());
        p.Add("searchKey", TextRules.SearchKey(f.Name));
        p.Add("purpose", string.IsNullOrWhiteSpace(f.Purpose) ? null : f.Purpose.Trim(), System.Data.DbType.String);
        p.Add("networkId", f.NetworkId);
        return p;
    }
}
