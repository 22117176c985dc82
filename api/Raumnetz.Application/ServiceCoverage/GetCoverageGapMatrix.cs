using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.ServiceCoverage;

/// <summary>
/// The gap matrix of a region: the spaces on the level × the <see cref="Categories"/> (default: the top-level categories of
/// every service-category taxonomy, at most <see cref="GetCoverageGapMatrixValidator.MaxCategories"/>), each cell the
/// <see cref="Measure"/> and whether it is a gap by <see cref="Threshold"/> (none without a threshold); per category the
/// median over the spaces (what a space page compares with).
/// </summary>
public sealed record GetCoverageGapMatrixQuery : WhatIfCoverageRequest, IRequest<CoverageGapMatrixDto>
{
    public IReadOnlyCollection<string>? Categories { get; init; }
    public CoverageMeasure? Measure { get; init; }
    public double? Threshold { get; init; }
}

public sealed class GetCoverageGapMatrixValidator : WhatIfCoverageRequestValidator<GetCoverageGapMatrixQuery>
{
    /// <summary>Most categories one matrix compares.</summary>
    public const int MaxCategories = 20;

    public GetCoverageGapMatrixValidator() : base(categoryRequired: false)
    {
        RuleFor(x => x.Categories).MaxItems(MaxCategories);
        RuleForEach(x => x.Categories).NotEmpty().MaximumLength(Limits.Code);
        RuleFor(x => x.Measure).DefinedEnum();
        RuleFor(x => x.Threshold).GreaterThanOrEqualTo(0);
    }
}

public sealed class GetCoverageGapMatrixHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules, TimeProvider clock)
    : IRequestHandler<GetCoverageGapMatrixQuery, CoverageGapMatrixDto>
{
    public async Task<CoverageGapMatrixDto> Handle(GetCoverageGapMatrixQuery request, CancellationToken cancellationToken)
    {
        var on = request.On ?? clock.Today();
        var measure = request.Measure ?? CoverageMeasure.PerThousand;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var codes = request.Categories is { Count: > 0 } given ? given.Select(c => c.Trim()).Distinct().ToList()
                : (await connection.QueryAsync<string>(new CommandDefinition($"""
                    SELECT t.code FROM taxonomy_terms t JOIN taxonomies x ON x.id = t.taxonomy_id
                    WHERE x.kind = 'ServiceCategory' AND t.parent_id IS NULL AND t.archived_at IS NULL
                    ORDER BY x.code, t.sort_order, t.code {db.Dialect.Limit("@take")}
                    """, new { take = GetCoverageGapMatrixValidator.MaxCategories }, cancellationToken: ct))).ToList();
            var categories = new List<CoverageTermDto>();
            foreach (var code in codes)
                categories.Add(await CoverageReads.TermAsync(connection, code, TaxonomyKind.ServiceCategory, "categories", ct));
            var targetGroup = string.IsNullOrWhiteSpace(request.TargetGroup) ? null
                : await CoverageReads.TermAsync(connection, request.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup", ct);
            var region = await CoverageReads.RegionAsync(connection, db.Dialect, request, on, user, rules, ct);
            var columns = new List<(CoverageTermDto Category, Dictionary<Guid, double?> Values)>();
            foreach (var category in categories)
            {
                var supply = await CoverageReads.SupplyAsync(connection, db.Dialect, category.Code, targetGroup?.Code,
                    request.CapacityUnit ?? CapacityUnit.Places, on, request.IsWhatIf ? request.FundingEndsBy : null, ct);
                var spaces = CoverageReads.Compute(request, region, supply, CoverageReads.Closed(request, supply), withGeometry: false);
                columns.Add((category, spaces.Where(s => s.Level == region.Level)
                    .ToDictionary(s => s.Id, s => CoverageReads.ValueOf(s.WhatIf ?? s.Figures, measure))));
            }
            var onLevel = region.Spaces.Where(s => s.Level == region.Level).ToList();
            bool Gap(double? v) => request.Threshold is { } t && v is { } x && CoverageReads.IsGap(measure, x, t);
            return new CoverageGapMatrixDto
            {
                Measure = measure, Threshold = request.Threshold,
                Categories = columns.Select(c => new GapMatrixCategoryDto
                {
                    Code = c.Category.Code, Name = c.Category.Name, Median = CoverageReads.Round(Median(c.Values.Values)),
                    Gaps = c.Values.Values.Count(Gap),
                }).ToList(),
                Rows = onLevel.Select(s => new GapMatrixRowDto
                {
                    SpaceId = s.Id, Code = s.Code, Name = s.Name,
                    Cells = columns.Select(c => new GapMatrixCellDto
                    {
                        Category = c.Category.Code, Value = c.Values.GetValueOrDefault(s.Id), Gap = Gap(c.Values.GetValueOrDefault(s.Id)),
                    }).ToList(),
                }).ToList(),
            };
        }, cancellationToken);
    }

    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
