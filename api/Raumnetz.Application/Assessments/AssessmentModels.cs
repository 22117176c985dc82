using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>A rating of a soft factor (rating indicator) for a space and period, by a member actor or anonymous, with a comment.</summary>
public sealed record AssessmentDto
{
    public Guid Id { get; init; }
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    public string Period { get; init; } = "";
    /// <summary>The actor who rated; null for an anonymous rating.</summary>
    public Guid? ActorId { get; init; }
    public string? ActorName { get; init; }
    public int Rating { get; init; }
    public string? Comment { get; init; }
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Checks shared by create and update, and the roll-up of ratings into the measurement.</summary>
internal static class AssessmentRollUp
{
    public static async Task<IndicatorRow> RatingIndicatorAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid indicatorId, int rating)
    {
        var indicator = (await IndicatorRow.LoadAsync(connection, tx, dialect, [indicatorId], CancellationToken.None)).SingleOrDefault()
            ?? throw new InvalidFieldException("indicatorId", Text.DoesNotExist("Indicator", indicatorId));
        if (indicator.Kind != IndicatorKind.Rating)
            throw new InvalidFieldException("indicatorId", Text.Format(Messages.Field_NotARatingKind, indicator.Code, indicator.Kind.ToString().ToLowerInvariant()));
        if (rating < indicator.ScaleMin || rating > indicator.ScaleMax)
            throw new InvalidFieldException("rating", Text.Format(Messages.Field_RatingOutsideScale, rating, indicator.ScaleMin, indicator.ScaleMax));
        return indicator;
    }

    /// <summary>
    /// Recomputes the measurement of (indicator, space, period) from its ratings: value = mean (median for indicators that
    /// aggregate by median), rating_count = how many; status provisional, source "assessments". No ratings left: the
    /// rolled-up measurement is removed.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, IndicatorRow indicator, Guid spaceId, Period period, DateTimeOffset now)
    {
        var ratings = (await connection.QueryAsync<int>("SELECT rating FROM assessments WHERE indicator_id = @indicatorId AND space_id = @spaceId AND period = @period",
            new { indicatorId = indicator.Id, spaceId, period = period.ToString() }, tx)).ToList();
        var summary = RatingSummary.Of(ratings, indicator.ScaleMin ?? 0, indicator.ScaleMax ?? 0);
        if (summary.Count == 0)
        {
            await connection.ExecuteAsync("DELETE FROM observations WHERE indicator_id = @indicatorId AND space_id = @spaceId AND period = @period AND rating_count IS NOT NULL",
                new { indicatorId = indicator.Id, spaceId, period = period.ToString() }, tx);
            return;
        }
        await ObservationSql.UpsertAsync(connection, tx, dialect, new ObservationValues(indicator.Id, spaceId, period,
            summary.ValueFor(indicator.Aggregation), null, null, ObservationStatus.Provisional, "assessments", null, summary.Count), now);
    }
}
