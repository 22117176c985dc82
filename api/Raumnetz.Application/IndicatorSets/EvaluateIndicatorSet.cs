using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>
/// Evaluates a set for one space and period: for each indicator the value (measured, or computed up the hierarchy by
/// the indicator's aggregation rule when the space has none), the change against the previous period and the baseline,
/// the attainment of the target that applies, and the comparison with the parent space or a chosen reference space.
/// For viewers and analysts a value is withheld exactly where every other response withholds it (<see cref="Disclosure"/>),
/// and so is every change, attainment and comparison computed from it.
/// </summary>
public sealed record EvaluateIndicatorSetQuery(Guid Id, Guid SpaceId, string Period, Guid? ReferenceSpaceId) : IRequest<IndicatorSetEvaluation>;

public sealed record IndicatorSetEvaluation
{
    public Guid SetId { get; init; }
    public Guid SpaceId { get; init; }
    public string SpaceName { get; init; } = "";
    public string Period { get; init; } = "";
    /// <summary>The space compared with: the chosen reference or the parent (null for a top-level space without reference).</summary>
    public Guid? ReferenceSpaceId { get; init; }
    public string? ReferenceSpaceName { get; init; }
    public IReadOnlyList<IndicatorEvaluation> Items { get; init; } = [];
}

public sealed record IndicatorEvaluation
{
    public Guid IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Unit { get; init; }
    public int Decimals { get; init; }
    public IndicatorDirection Direction { get; init; }
    /// <summary>The value in the period (null when neither measured nor computable).</summary>
    public EvaluatedValue? Value { get; init; }
    /// <summary>The value in the period before (same length).</summary>
    public EvaluatedValue? Previous { get; init; }
    public ComparisonDto? ChangeFromPrevious { get; init; }
    public PeriodValueDto? Baseline { get; init; }
    public ComparisonDto? ChangeFromBaseline { get; init; }
    /// <summary>The target that applies: the first one whose period ends at or after the evaluated period.</summary>
    public PeriodValueDto? Target { get; init; }
    /// <summary>Reached, on track or off track (null without value, baseline or target).</summary>
    public AttainmentStatus? Attainment { get; init; }
    /// <summary>
    /// The reference space's value in the period; null also when it is computed from too small a part of that space
    /// (coverage below Raumnetz:Reference:MinCoverage, see <see cref="ReferenceIncomplete"/>).
    /// </summary>
    public EvaluatedValue? Reference { get; init; }
    /// <summary>True when the reference space's value was computed from too few of its parts to serve as reference.</summary>
    public bool ReferenceIncomplete { get; init; }
    /// <summary>This space against the reference space.</summary>
    public ComparisonDto? Comparison { get; init; }
}

public sealed record EvaluatedValue
{
    public string Period { get; init; } = "";
    public double? Value { get; init; }
    public double? Numerator { get; init; }
    public double? Denominator { get; init; }
    /// <summary>True when computed from the spaces below (the space has no measured value of its own).</summary>
    public bool Aggregated { get; init; }
    /// <summary>How many spaces below contributed to a computed value (1 for a measured value).</summary>
    public int Count { get; init; }
    /// <summary>Computed values only: how much of the space the value stands for.</summary>
    public CoverageDto? Coverage { get; init; }
    /// <summary>Withheld as a small number (viewers and analysts).</summary>
    public bool Suppressed { get; init; }
}

/// <summary>
/// What a computed value stands for: from <see cref="Parts"/> of the <see cref="Of"/> spaces directly below that exist
/// in the period ("aus 3 von 5 Teilräumen"), and the share of their population those parts hold (null unless every one
/// of them has a population).
/// </summary>
public sealed record CoverageDto
{
    public int Parts { get; init; }
    public int Of { get; init; }
    public double? PopulationShare { get; init; }

    public static CoverageDto? From(Coverage? c) => c is { } v ? new CoverageDto { Parts = v.Parts, Of = v.Of, PopulationShare = v.PopulationShare } : null;
}

/// <summary>A value against a reference: difference, ratio, percent change, above/below and better/worse by the indicator's direction.</summary>
public sealed record ComparisonDto
{
    public double Difference { get; init; }
    public double? Ratio { get; init; }
    public double? PercentChange { get; init; }
    public Position Position { get; init; }
    public Judgement Judgement { get; init; }

    public static ComparisonDto From(ComparisonResult r) => new()
    {
        Difference = r.Difference, Ratio = r.Ratio, PercentChange = r.PercentChange, Position = r.Position, Judgement = r.Judgement,
    };
}

public sealed class EvaluateIndicatorSetValidator : AbstractValidator<EvaluateIndicatorSetQuery>
{
    public EvaluateIndicatorSetValidator()
    {
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.Period).NotEmpty().MaximumLength(10).Must(p => Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
    }
}

public sealed class EvaluateIndicatorSetHandler(IDbConnectionFactory db, IndicatorSetReads reads, ICurrentUser user, SuppressionRules rules, ReferenceRules referenceRules) : IRequestHandler<EvaluateIndicatorSetQuery, IndicatorSetEvaluation>
{
    internal sealed class SpaceNode
    {
        public Guid Id { get; init; }
        public Guid? ParentId { get; init; }
        public string Name { get; init; } = "";
        public long? Population { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
    }

    private sealed class Obs
    {
        public Guid IndicatorId { get; init; }
        public Guid SpaceId { get; init; }
        public string Period { get; init; } = "";
        public double? Value { get; init; }
        public double? Numerator { get; init; }
        public double? Denominator { get; init; }
        public int? RatingCount { get; init; }
    }

    /// <summary>
    /// The stored values of @indicatorIds in @periods (every space: the values up the hierarchy are computed from them), found
    /// through the index on indicator and month (migration 0064) by the periods' first months (@firstMonths), so the query
    /// reads the values of those periods only, not every value the indicators have.
    /// </summary>
    internal static string ObservationsSql(ISqlDialect dialect) => $"""
        SELECT indicator_id, space_id, period, value, numerator, denominator, rating_count FROM observations
        WHERE {dialect.In("indicator_id", "@indicatorIds")} AND {dialect.In("first_month", "@firstMonths")} AND {dialect.In("period", "@periods")}
        """;

    public async Task<IndicatorSetEvaluation> Handle(EvaluateIndicatorSetQuery request, CancellationToken cancellationToken)
    {
        var period = Period.Parse(request.Period);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var set = await reads.LoadAsync(connection, null, request.Id, ct) ?? throw new NotFoundException("Indicator set", request.Id);
            var spaces = (await connection.QueryAsync<SpaceNode>(new CommandDefinition("SELECT id, parent_id, name, population, valid_from, valid_to FROM spaces", cancellationToken: ct))).ToDictionary(s => s.Id);
            if (!spaces.TryGetValue(request.SpaceId, out var space)) throw new InvalidFieldException("spaceId", Text.DoesNotExist("Space", request.SpaceId));
            SpaceNode? reference = null;
            if (request.ReferenceSpaceId is { } refId && !spaces.TryGetValue(refId, out reference))
                throw new InvalidFieldException("referenceSpaceId", Text.DoesNotExist("Space", refId));
            reference ??= space.ParentId is { } parent ? spaces[parent] : null;
            var children = spaces.Values.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);

            var indicatorIds = set.Indicators.Select(i => i.IndicatorId).ToList();
            var indicators = (await IndicatorRow.LoadAsync(connection, null, db.Dialect, indicatorIds, ct)).ToDictionary(i => i.Id);
            var baselines = (await connection.QueryAsync<GoalRow>(new CommandDefinition(
                "SELECT indicator_id, space_id, period, value FROM indicator_baselines WHERE set_id = @Id AND space_id = @SpaceId", new { request.Id, request.SpaceId }, cancellationToken: ct)))
                .ToDictionary(b => b.IndicatorId);
            var targets = (await connection.QueryAsync<GoalRow>(new CommandDefinition(
                "SELECT indicator_id, space_id, period, value FROM indicator_targets WHERE set_id = @Id AND space_id = @SpaceId", new { request.Id, request.SpaceId }, cancellationToken: ct)))
                .ToLookup(t => t.IndicatorId);
            var previous = period.Previous();
            var periods = new[] { period, previous }.Where(p => p is not null).Select(p => p!.Value.ToString())
                .Concat(baselines.Values.Select(b => b.Period)).Distinct().ToList();
            var firstMonths = periods.Select(p => Period.Parse(p).FirstMonth).Distinct().ToList();
            var observations = indicatorIds.Count == 0 ? [] : (await connection.QueryAsync<Obs>(new CommandDefinition(
                ObservationsSql(db.Dialect), new { indicatorIds, firstMonths, periods }, cancellationToken: ct))).ToList();
            var byKey = observations.ToLookup(o => (o.IndicatorId, o.Period));
            // What viewers and analysts may not see: decided over whole years and every space, as in every other response.
            var shown = new[] { period, previous }.Where(p => p is not null).Select(p => p!.Value);
            var withheld = await DisclosureReads.WithheldAsync(connection, user, rules, indicators.Values,
                indicatorIds.SelectMany(i => shown.Select(p => (i, p))), spaces.ToDictionary(s => s.Key, s => s.Value.ParentId), ct);

            var items = new List<IndicatorEvaluation>();
            foreach (var item in set.Indicators)
            {
                var indicator = indicators[item.IndicatorId];
                EvaluatedValue? ValueOf(Guid spaceId, Period p)
                {
                    var own = byKey[(indicator.Id, p.ToString())].ToDictionary(o => o.SpaceId);
                    var measures = own.ToDictionary(o => o.Key, o => new Measure(o.Value.Value, o.Value.Numerator, o.Value.Denominator));
                    var all = Aggregation.UpTheHierarchy(indicator.Aggregation, indicator.RateFactor ?? 1, measures, children, [spaceId]);
                    if (!all.TryGetValue(spaceId, out var r)) return null;
                    var suppressed = withheld is not null && withheld.Contains(new CellKey(indicator.Id, spaceId, p));
                    bool Contributed(Guid c) => all.TryGetValue(c, out var part) && CoverageRules.IsUsable(indicator.Aggregation, part.Measure);
                    Coverage? coverage = r.Aggregated
                        ? CoverageRules.Of(children[spaceId].Where(c => Contributed(c) || SpaceTime.ExistsDuring(spaces[c].ValidFrom, spaces[c].ValidTo, p)).ToList(),
                            Contributed, c => spaces[c].Population)
                        : null;
                    return new EvaluatedValue
                    {
                        Period = p.ToString(), Value = suppressed ? null : r.Measure.Value, Numerator = suppressed ? null : r.Measure.Numerator,
                        Denominator = suppressed ? null : r.Measure.Denominator, Aggregated = r.Aggregated, Count = r.Count,
                        Coverage = CoverageDto.From(coverage), Suppressed = suppressed,
                    };
                }
                ComparisonDto? Compare(EvaluatedValue? a, double? b) =>
                    a?.Value is { } x && b is { } y ? ComparisonDto.From(Comparison.Compare(x, y, indicator.Direction, indicator.Decimals)) : null;

                var value = ValueOf(space.Id, period);
                var prev = previous is { } pp ? ValueOf(space.Id, pp) : null;
                var baseline = baselines.TryGetValue(indicator.Id, out var b) ? new PeriodValueDto { Period = b.Period, Value = b.Value } : null;
                var target = Attainment.TargetFor(targets[indicator.Id].Select(t => new PeriodValue(Period.Parse(t.Period), t.Value)), period);
                AttainmentStatus? attainment = value?.Value is { } v && baseline is not null && target is { } t
                    ? Attainment.Judge(new PeriodValue(Period.Parse(baseline.Period), baseline.Value), t, new PeriodValue(period, v), indicator.Direction)
                    : null;
                var referenceValue = reference is null ? null : ValueOf(reference.Id, period);
                // a reference computed from too small a part of the reference space is no reference at all
                var referenceIncomplete = referenceValue?.Coverage is { } rc && !referenceRules.MayServe(new Coverage(rc.Parts, rc.Of, rc.PopulationShare));
                if (referenceIncomplete) referenceValue = null;
                items.Add(new IndicatorEvaluation
                {
                    IndicatorId = indicator.Id, Code = indicator.Code, Name = indicator.Name, Unit = indicator.Unit, Decimals = indicator.Decimals, Direction = indicator.Direction,
                    Value = value, Previous = prev, ChangeFromPrevious = Compare(value, prev?.Value),
                    Baseline = baseline, ChangeFromBaseline = Compare(value, baseline?.Value),
                    Target = target is { } tv ? new PeriodValueDto { Period = tv.Period.ToString(), Value = tv.Value } : null,
                    Attainment = attainment,
                    Reference = referenceValue, ReferenceIncomplete = referenceIncomplete, Comparison = Compare(value, referenceValue?.Value),
                });
            }
            return new IndicatorSetEvaluation
            {
                SetId = set.Id, SpaceId = space.Id, SpaceName = space.Name, Period = period.ToString(),
                ReferenceSpaceId = reference?.Id, ReferenceSpaceName = reference?.Name, Items = items,
            };
        }, cancellationToken);
    }
}
