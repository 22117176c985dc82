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

public sealed class AssessmentRow
{
    public Guid Id { get; set; }
    public Guid IndicatorId { get; set; }
    public Guid SpaceId { get; set; }
    public string Period { get; set; } = "";
    public Guid? ActorId { get; set; }
    public string? ActorName { get; set; }
    public int Rating { get; set; }
    public string? Comment { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const string Columns = "a.id, a.indicator_id, a.space_id, a.period, a.actor_id, x.name AS actor_name, a.rating, a.comment, a.version, a.created_at, a.updated_at";
    public const string From = "assessments a LEFT JOIN actors x ON x.id = a.actor_id";

    public AssessmentDto ToDto() => new()
    {
        Id = Id, IndicatorId = IndicatorId, SpaceId = SpaceId, Period = Period, ActorId = ActorId, ActorName = ActorName, Rating = Rating,
        Comment = Comment, Version = Version, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt,
    };

    internal static Task<AssessmentRow?> LoadAsync(DbConnection connection, DbTransaction? tx, Guid id) =>
        connection.QuerySingleOrDefaultAsync<AssessmentRow>($"SELECT {Columns} FROM {From} WHERE a.id = @id", new { id }, tx);
}

/// <summary>Checks shared by create and update, and the roll-up of ratings into the measurement.</summary>
internal static class AssessmentRollUp
{
    public static async Task<IndicatorRow> RatingIndicatorAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid indicatorId, int rating)
    {
        var indicator = (await IndicatorRow.LoadAsync(connection, tx, dialect, [indicatorId], CancellationToken.None)).SingleOrDefault()
            ?? throw new InvalidFieldException("indicatorId", $"Indicator '{indicatorId}' does not exist.");
        if (indicator.Kind != IndicatorKind.Rating)
            throw new InvalidFieldException("indicatorId", $"'{indicator.Code}' is a {indicator.Kind.ToString().ToLowerInvariant()}, not a rating: only soft factors are assessed.");
        if (rating < indicator.ScaleMin || rating > indicator.ScaleMax)
            throw new InvalidFieldException("rating", $"The rating {rating} lies outside the scale {indicator.ScaleMin} to {indicator.ScaleMax}.");
        return indicator;
    }

    /// <summary>
    /// Recomputes the measurement of (indicator, space, period) from its ratings: value = mean (median for indicators that
    /// aggregate by median), rating_count = how many; status provisional, source "assessments". No ratings left: the
    /// rolled-up measurement is removed.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, DbTransaction tx, DatabaseProvider provider, IndicatorRow indicator, Guid spaceId, Period period, DateTimeOffset now)
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
        await UpsertObservationHandler.ExecuteUpsertAsync(connection, tx, provider, new ObservationValues(indicator.Id, spaceId, period,
            summary.ValueFor(indicator.Aggregation), null, null, ObservationStatus.Provisional, "assessments", null, summary.Count), now);
    }
}
