using Raumnetz.Application.Audit;
using Raumnetz.Application.Changes;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// Stores coverage figures as ordinary observations of computed indicators, one indicator per measure and parameter set
/// (category, target group, population indicator, level, region, radius, decay, capacity unit: written into the indicator's
/// description, its source naming the coverage computation), so they appear in sets, charts, maps and exports with the same
/// suppression rules. Running it again for the same parameters (another period, or after the inventory changed) writes into
/// the same indicators. Values go to the spaces on the level and above it in the region, for the period, with status
/// estimated (computed, not measured); capacity counts as recorded on the period's last day (today for a period not yet over).
/// Per 1,000 and the share within the radius are rates (numerator and denominator stored, so small denominators are withheld);
/// distance and the accessibility index are index values.
/// </summary>
public sealed record StoreCoverageIndicatorsCommand : CoverageRequest, ICommand<StoredCoverageDto>
{
    /// <summary>The period of the population and of the stored values (2024, 2024-H1, 2024-Q2, 2024-05); required here.</summary>
    [JsonRequired]
    public new string? Period { get => base.Period; init => base.Period = value; }

    /// <summary>The measures to store (1 to 4, each once).</summary>
    [JsonRequired]
    public IReadOnlyCollection<CoverageMeasure>? Measures { get; init; }
}

public sealed record StoredCoverageIndicatorDto
{
    public CoverageMeasure Measure { get; init; }
    public Guid IndicatorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>True when this run created the indicator.</summary>
    public bool Created { get; init; }
    /// <summary>Values written for the period.</summary>
    public int Observations { get; init; }
}

public sealed record StoredCoverageDto
{
    public string Period { get; init; } = "";
    public IReadOnlyList<StoredCoverageIndicatorDto> Indicators { get; init; } = [];
}

public sealed class StoreCoverageIndicatorsValidator : CoverageRequestValidator<StoreCoverageIndicatorsCommand>
{
    public StoreCoverageIndicatorsValidator()
    {
        RuleFor(x => x.Period).NotEmpty();
        RuleFor(x => x.Measures).NotEmpty().MaxItems(4);
        RuleForEach(x => x.Measures).IsInEnum();
    }
}

public sealed class StoreCoverageIndicatorsHandler(
    IDbConnectionFactory db, IUnitOfWork unitOfWork, ICurrentUser user, SuppressionRules rules, TimeProvider clock)
    : IRequestHandler<StoreCoverageIndicatorsCommand, StoredCoverageDto>
{
    private sealed record Shape(IndicatorKind Kind, string Unit, int Decimals, IndicatorDirection Direction, AggregationRule Aggregation,
        double? RateFactor, bool IsProportion, string CodePart);

    private static Shape ShapeOf(CoverageMeasure measure) => measure switch
    {
        CoverageMeasure.Distance => new(IndicatorKind.Index, "km", 2, IndicatorDirection.LowerIsBetter, AggregationRule.None, null,
            false, "dist"),
        CoverageMeasure.Accessibility => new(IndicatorKind.Index, "2SFCA", 2, IndicatorDirection.HigherIsBetter, AggregationRule.None,
            null, false, "2sfca"),
        CoverageMeasure.ShareWithinRadius => new(IndicatorKind.Rate, "%", 1, IndicatorDirection.HigherIsBetter, AggregationRule.Rate,
            100, true, "share"),
        _ => new(IndicatorKind.Rate, "‰", 1, IndicatorDirection.HigherIsBetter, AggregationRule.Rate, 1000, false, "per1000"),
    };

    public async Task<StoredCoverageDto> Handle(StoreCoverageIndicatorsCommand request, CancellationToken cancellationToken)
    {
        var period = Period.Parse(request.Period!);
        var periodEnd = new DateOnly(period.Year, period.LastMonth % 100, 1).AddMonths(1).AddDays(-1);
        var on = periodEnd < clock.Today() ? periodEnd : clock.Today();
        // Computed first on a connection of its own; the command's transaction then only writes.
        var (category, targetGroup, region, spaces) = await db.ReadAsync(async (connection, ct) =>
        {
            var category = await CoverageReads.TermAsync(connection, request.Category!, TaxonomyKind.ServiceCategory, "category", ct);
            var targetGroup = string.IsNullOrWhiteSpace(request.TargetGroup) ? null
                : await CoverageReads.TermAsync(connection, request.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup", ct);
            var region = await CoverageReads.RegionAsync(connection, db.Dialect, request, on, user, rules, ct);
            var supply = await CoverageReads.SupplyAsync(connection, db.Dialect, category.Code, targetGroup?.Code,
                request.CapacityUnit ?? CapacityUnit.Places, on, null, ct);
            var spaces = CoverageReads.Compute(request, region, supply, [], withGeometry: false)
                .Where(s => s.Level <= region.Level).ToList();
            return (category, targetGroup, region, spaces);
        }, cancellationToken);

        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var settings = CoverageReads.Settings(request);
        var unit = request.CapacityUnit ?? CapacityUnit.Places;
        var now = clock.GetUtcNow();
        var stored = new List<StoredCoverageIndicatorDto>();
        var rows = new List<ObservationValues>();
        foreach (var measure in request.Measures!.Distinct())
        {
            var shape = ShapeOf(measure);
            var code = $"cov-{shape.CodePart}-{Hash(request, category, targetGroup, region, settings, unit)}";
            var name = Text.Format(Messages.Coverage_IndicatorName, category.Name, MeasureName(measure), region.Indicator.Name);
            if (name.Length > Limits.Name) name = name[..Limits.Name];
            var description = Text.Format(Messages.Coverage_IndicatorDescription, MeasureName(measure), category.Code,
                targetGroup is null ? "" : Text.Format(Messages.Coverage_TargetGroupPart, targetGroup.Code), region.Indicator.Code,
                region.Level, settings.RadiusKm, settings.Decay, unit) + (request.Under is { } under ? $" under={under}" : "");
            var existing = (await connection.QueryAsync<Guid>(new CommandDefinition(
                "SELECT id FROM indicators WHERE code = @code", new { code }, tx, cancellationToken: cancellationToken))).ToList();
            Guid? id = existing.Count == 0 ? null : existing[0];
            var created = id is null;
            if (id is null)
            {
                id = Guid.CreateVersion7();
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition("""
                        INSERT INTO indicators (id, code, name, search_key, description, kind, unit, decimals, direction, aggregation,
                            rate_factor, is_proportion, scale_min, scale_max, scale_labels, minimum, maximum, source, update_interval, topic,
                            version, created_at, updated_at)
                        VALUES (@id, @code, @name, @searchKey, @description, @kind, @unit, @decimals, @direction, @aggregation,
                            @rateFactor, @isProportion, NULL, NULL, NULL, 0, NULL, @source, 'Irregular', @topic, 1, @now, @now)
                        """, new
                    {
                        id, code, name, searchKey = TextRules.SearchKey(name), description, kind = shape.Kind.ToString(), unit = shape.Unit,
                        decimals = shape.Decimals, direction = shape.Direction.ToString(), aggregation = shape.Aggregation.ToString(),
                        rateFactor = shape.RateFactor, isProportion = shape.IsProportion, source = Messages.Coverage_Source,
                        topic = Messages.Coverage_Topic, now,
                    }, tx, cancellationToken: cancellationToken));
                }
                catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
                {
                    throw new ConflictException(Text.Format(Messages.Conflict_IndicatorCode, code), "measures");
                }
            }
            var count = 0;
            foreach (var s in spaces)
            {
                if (Values(measure, s.Figures) is not { } v) continue;
                rows.Add(new ObservationValues(id.Value, s.Id, period, v.Value, v.Numerator, v.Denominator,
                    ObservationStatus.Estimated, Messages.Coverage_Source, null, null));
                count++;
            }
            stored.Add(new StoredCoverageIndicatorDto
            {
                Measure = measure, IndicatorId = id.Value, Code = code, Name = name, Created = created, Observations = count,
            });
        }
        // The writer uses the connection on a thread of its own: only once the indicators are written.
        await using (var writer = ObservationUpsertWriter.Start(unitOfWork.Dialect, connection, tx, clock, now, cancellationToken))
        {
            foreach (var row in rows) await writer.AddAsync(row, cancellationToken);
            await writer.CompleteAsync(keep: true, cancellationToken);
        }
        // The changes feed: the indicators it created and the observations it inserted or changed.
        var storedIds = stored.Select(s => s.IndicatorId).ToList();
        var (inIndicators, ids) = unitOfWork.Dialect.InIds("id", "@indicators", storedIds);
        await ChangeFeed.RecordRowsAsync(connection, tx, unitOfWork.Dialect, new ChangedRows
        {
            EntityType = AuditEntities.Indicator.Type, Table = "indicators", Condition = $"{inIndicators} AND updated_at = @now",
            Parameters = new { indicators = ids, now }, OccurredAt = now,
        }, cancellationToken);
        var (ofIndicators, observationIds) = unitOfWork.Dialect.InIds("indicator_id", "@indicators", storedIds);
        await ChangeFeed.RecordRowsAsync(connection, tx, unitOfWork.Dialect, new ChangedRows
        {
            EntityType = AuditEntities.Observation.Type, Table = "observations", Condition = $"{ofIndicators} AND updated_at = @now",
            Parameters = new { indicators = observationIds, now }, SpaceColumn = "space_id", OccurredAt = now,
        }, cancellationToken);
        return new StoredCoverageDto { Period = period.ToString(), Indicators = stored };
    }

    private static (double Value, double? Numerator, double? Denominator)? Values(CoverageMeasure measure, CoverageFiguresDto f)
    {
        switch (measure)
        {
            case CoverageMeasure.Distance: return f.DistanceKm is { } d ? (d, null, null) : null;
            case CoverageMeasure.Accessibility: return f.Accessibility is { } a ? (a, null, null) : null;
            case CoverageMeasure.ShareWithinRadius:
                if (f.ShareWithinRadius is not { } share || f.Population is not ({ } pop and > 0)) return null;
                var within = Math.Round(share * pop, 2);
                return (within / pop * 100, within, pop);
            default:
                return f.Population is { } p and > 0 ? (f.Capacity / p * 1000, f.Capacity, p) : null;
        }
    }

    private static string MeasureName(CoverageMeasure measure) => measure switch
    {
        CoverageMeasure.Distance => Messages.Coverage_Measure_Distance,
        CoverageMeasure.Accessibility => Messages.Coverage_Measure_Accessibility,
        CoverageMeasure.ShareWithinRadius => Messages.Coverage_Measure_ShareWithinRadius,
        _ => Messages.Coverage_Measure_PerThousand,
    };

    /// <summary>Ten hex digits of a SHA-256 over the parameters that define the indicator (not the period).</summary>
    private static string Hash(CoverageRequest request, CoverageTermDto category, CoverageTermDto? targetGroup,
        CoverageReads.Region region, CoverageSettings settings, CapacityUnit unit)
    {
        var key = string.Join('|', category.Code, targetGroup?.Code ?? "", region.Indicator.Id, region.Level,
            request.Under?.ToString() ?? "", settings.RadiusKm.ToString("R", CultureInfo.InvariantCulture), settings.Decay, unit);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..10];
    }
}
