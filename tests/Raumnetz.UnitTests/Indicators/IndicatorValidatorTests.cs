using Raumnetz.Application.Indicators;
using Raumnetz.Application.Observations;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class IndicatorValidatorTests
{
    private static readonly CreateIndicatorValidator Validator = new();

    private static List<string> Errors(CreateIndicatorCommand command) =>
        Validator.Validate(command).Errors.Select(e => e.PropertyName).Distinct().ToList();

    private static CreateIndicatorCommand Rate() => new()
    {
        Code = "sgb2-quote", Name = "SGB-II-Quote", Kind = IndicatorKind.Rate, Unit = "%", Decimals = 1,
        Direction = IndicatorDirection.LowerIsBetter, Aggregation = AggregationRule.Rate, RateFactor = 100,
    };

    private static CreateIndicatorCommand Rating() => new()
    {
        Code = "sicherheit", Name = "Sicherheitsgefühl", Kind = IndicatorKind.Rating, Decimals = 1, Direction = IndicatorDirection.HigherIsBetter,
        Aggregation = AggregationRule.Median, ScaleMin = 1, ScaleMax = 5, ScaleLabels = ["1", "2", "3", "4", "5"],
    };

    [Fact]
    public void Valid_rate_and_rating() => Assert.Empty(Errors(Rate()).Concat(Errors(Rating())));

    [Fact]
    public void Aggregation_must_suit_the_kind()
    {
        Assert.Contains("Aggregation", Errors(Rate() with { Aggregation = AggregationRule.Sum }));
        Assert.Contains("Aggregation", Errors(Rating() with { Aggregation = AggregationRule.Rate }));
        Assert.Empty(Errors(Rate() with { Aggregation = AggregationRule.None }));
    }

    [Fact]
    public void Factor_and_scale_belong_to_their_kinds()
    {
        Assert.Contains("RateFactor", Errors(Rate() with { RateFactor = null }));
        Assert.Contains("RateFactor", Errors(Rating() with { RateFactor = 100 }));
        Assert.Contains("ScaleMax", Errors(Rating() with { ScaleMax = 1 }));
        Assert.Contains("ScaleMax", Errors(Rating() with { ScaleMax = 20, ScaleLabels = [] }));
        Assert.Contains("ScaleLabels", Errors(Rating() with { ScaleLabels = ["gut"] }));
        Assert.Contains("ScaleMin", Errors(Rate() with { ScaleMin = 1 }));
    }

    [Fact]
    public void Upsert_needs_a_parseable_period()
    {
        var v = new UpsertObservationValidator();
        Assert.False(v.Validate(new UpsertObservationCommand { IndicatorId = Guid.NewGuid(), SpaceId = Guid.NewGuid(), Period = "2024-W1" }).IsValid);
        Assert.True(v.Validate(new UpsertObservationCommand { IndicatorId = Guid.NewGuid(), SpaceId = Guid.NewGuid(), Period = "2024-H2" }).IsValid);
    }
}
