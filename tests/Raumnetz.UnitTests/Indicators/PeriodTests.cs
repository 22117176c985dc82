using Raumnetz.Domain.Indicators;

namespace Raumnetz.UnitTests.Indicators;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2024", "2024", PeriodType.Year, 202401, 202412)]
    [InlineData("2024-H1", "2024-H1", PeriodType.HalfYear, 202401, 202406)]
    [InlineData("2024-h2", "2024-H2", PeriodType.HalfYear, 202407, 202412)]
    [InlineData("2024-Q2", "2024-Q2", PeriodType.Quarter, 202404, 202406)]
    [InlineData(" 2024-q4 ", "2024-Q4", PeriodType.Quarter, 202410, 202412)]
    [InlineData("2024-05", "2024-05", PeriodType.Month, 202405, 202405)]
    [InlineData("2024-12", "2024-12", PeriodType.Month, 202412, 202412)]
    public void Parses_the_four_forms(string text, string canonical, PeriodType type, int first, int last)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.Equal(canonical, p.ToString());
        Assert.Equal(type, p.Type);
        Assert.Equal(first, p.FirstMonth);
        Assert.Equal(last, p.LastMonth);
        Assert.Equal(p, Period.Parse(canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData("24")]
    [InlineData("2024-")]
    [InlineData("2024-H3")]
    [InlineData("2024-Q0")]
    [InlineData("2024-Q5")]
    [InlineData("2024-00")]
    [InlineData("2024-13")]
    [InlineData("2024-5")]
    [InlineData("2024/05")]
    [InlineData("2024-W05")]
    [InlineData("1899")]
    [InlineData("2201")]
    [InlineData("２０２４")]
    public void Refuses_malformed_periods(string text)
    {
        Assert.False(Period.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Period.Parse(text));
    }

    [Fact]
    public void Orders_by_start_then_longer_first()
    {
        var periods = new[] { "2024-02", "2024-Q1", "2023-12", "2024", "2024-H1", "2024-01", "2024-Q2", "2023" }.Select(Period.Parse)
            .ToList();
        periods.Sort();
        Assert.Equal(["2023", "2023-12", "2024", "2024-H1", "2024-Q1", "2024-01", "2024-02", "2024-Q2"], periods.Select(p => p.ToString()));
        Assert.True(Period.Parse("2024-Q2") < Period.Parse("2024-05"));
    }

    [Theory]
    [InlineData("2024", "2023")]
    [InlineData("2024-H1", "2023-H2")]
    [InlineData("2024-Q3", "2024-Q2")]
    [InlineData("2024-01", "2023-12")]
    [InlineData("2024-Q1", "2023-Q4")]
    public void Previous_is_the_period_of_the_same_length_before(string period, string previous) =>
        Assert.Equal(previous, Period.Parse(period).Previous().ToString());

    [Fact]
    public void Containment_follows_the_months()
    {
        Assert.True(Period.Parse("2024").Contains(Period.Parse("2024-Q3")));
        Assert.True(Period.Parse("2024-H2").Contains(Period.Parse("2024-09")));
        Assert.False(Period.Parse("2024-H1").Contains(Period.Parse("2024-Q3")));
        Assert.True(Period.Parse("2024-Q1").Contains(Period.Parse("2024-Q1")));
        Assert.False(Period.Parse("2024-05").Contains(Period.Parse("2024-Q2")));
        Assert.Null(Period.OfYear(Period.MinYear).Previous());
    }
}
