using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>The ratings of a soft factor for a space and period: count, mean, median and the distribution over the scale.</summary>
public sealed record GetAssessmentSummaryQuery(Guid IndicatorId, Guid SpaceId, string Period) : IRequest<AssessmentSummaryDto>;

public sealed record AssessmentSummaryDto
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    public string Period { get; init; } = "";
    public int Count { get; init; }
    public double? Mean { get; init; }
    public double? Median { get; init; }
    /// <summary>Every point of the scale with its label and how many gave it (empty when withheld).</summary>
    public IReadOnlyList<RatingBucketDto> Distribution { get; init; } = [];
    /// <summary>Withheld for viewers and analysts when fewer people rated than the small-number threshold, or when a total would reveal the measurement.</summary>
    public bool Suppressed { get; init; }
}

public sealed record RatingBucketDto(int Rating, string? Label, int Count);

public sealed class GetAssessmentSummaryValidator : AbstractValidator<GetAssessmentSummaryQuery>
{
    public GetAssessmentSummaryValidator()
    {
        RuleFor(x => x.IndicatorId).NotEmpty();
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.Period).NotEmpty().MaximumLength(10).Must(p => Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
    }
}

public sealed class GetAssessmentSummaryHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules) : IRequestHandler<GetAssessmentSummaryQuery, AssessmentSummaryDto>
{
    public async Task<AssessmentSummaryDto> Handle(GetAssessmentSummaryQuery request, CancellationToken cancellationToken)
    {
        var period = Period.Parse(request.Period);
        return await db.ReadAsync(async (connection, ct) =>
        {
            var indicator = (await IndicatorRow.LoadAsync(connection, null, db.Dialect, [request.IndicatorId], ct)).SingleOrDefault()
                ?? throw new InvalidFieldException("indicatorId", Text.DoesNotExist("Indicator", request.IndicatorId));
            if (indicator.Kind != IndicatorKind.Rating) throw new InvalidFieldException("indicatorId", Text.Format(Messages.Field_NotARating, indicator.Code));
            var ratings = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT rating FROM assessments WHERE indicator_id = @IndicatorId AND space_id = @SpaceId AND period = @period",
                new { request.IndicatorId, request.SpaceId, period = period.ToString() }, cancellationToken: ct))).ToList();
            var summary = RatingSummary.Of(ratings, indicator.ScaleMin ?? 0, indicator.ScaleMax ?? 0);
            var labels = indicator.Labels();
            // Withheld when few people rated, and wherever the measurement these ratings roll up into is withheld (a total
            // would reveal it): the same decision as in every other response (Disclosure).
            var withheld = await DisclosureReads.WithheldAsync(connection, user, rules, [indicator], [(indicator.Id, period)], null, ct);
            var suppressed = withheld is not null && summary.Count > 0 &&
                (Suppression.IsPrimary(IndicatorKind.Rating, summary.Mean, null, summary.Count, rules)
                 || withheld.Contains(new CellKey(indicator.Id, request.SpaceId, period)));
            return new AssessmentSummaryDto
            {
                IndicatorId = indicator.Id, SpaceId = request.SpaceId, Period = period.ToString(), Count = summary.Count,
                Mean = suppressed ? null : summary.Mean, Median = suppressed ? null : summary.Median, Suppressed = suppressed,
                Distribution = suppressed ? [] : summary.Distribution.Select(b => new RatingBucketDto(b.Rating,
                    labels.Count == summary.Distribution.Count ? labels[b.Rating - (indicator.ScaleMin ?? 0)] : null, b.Count)).ToList(),
            };
        }, cancellationToken);
    }
}
