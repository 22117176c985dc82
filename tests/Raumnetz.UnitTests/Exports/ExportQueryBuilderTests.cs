using Raumnetz.Application.Common;
using Raumnetz.Application.Exports;
using Raumnetz.Domain.Indicators;
using Raumnetz.Infrastructure.Data;
using Raumnetz.Infrastructure.Exports;

namespace Raumnetz.UnitTests.Exports;

public sealed class ExportQueryBuilderTests
{
    private static readonly ExportFormats Formats = new();
    private static readonly ExportIndicator Count = new(Guid.NewGuid(), "count", "Count", IndicatorKind.Count, null, 0, AggregationRule.Sum, null);
    private static readonly ExportIndicator Rate = new(Guid.NewGuid(), "rate", "Rate", IndicatorKind.Rate, "%", 1, AggregationRule.Rate, 100);
    private static readonly ExportIndicator Index = new(Guid.NewGuid(), "index", "Index", IndicatorKind.Index, null, 1, AggregationRule.None, null);

    private static ExportPlan Plan(string format, IReadOnlyList<ExportIndicator> indicators, bool all = false, HashSet<Guid>? scope = null, int? from = null, int? to = null) =>
        new(new ExportIndicatorsQuery { Format = Formats.Find(format)!, SpaceIds = scope?.ToList() }, indicators.ToList(), all, "t", [], Array.Empty<Guid>().ToLookup(g => g),
            [], scope, [], from, to);

    [Theory]
    [InlineData("csv", "ORDER BY o.indicator_id, o.space_id, o.first_month, o.last_month")]
    [InlineData("csv-wide", "ORDER BY o.indicator_id, o.space_id, o.first_month, o.last_month")]
    [InlineData("geojson", "ORDER BY o.space_id, o.indicator_id, o.first_month, o.last_month")]
    public void Streams_in_the_order_the_format_needs(string format, string order) =>
        Assert.EndsWith(order, new ExportQueryBuilder(Plan(format, [Count]), new SqliteDialect()).Streamed(default).CommandText);

    [Fact]
    public void Filters_by_what_the_plan_names()
    {
        var all = new ExportQueryBuilder(Plan("csv", [Count, Rate], all: true), new SqliteDialect());
        Assert.Equal("", all.Filter(withSpaces: true).Where);

        var some = new ExportQueryBuilder(Plan("csv", [Count], scope: [Guid.NewGuid()], from: 202401, to: 202412), new PostgreSqlDialect());
        Assert.Equal("WHERE o.indicator_id = ANY(@indicatorIds) AND o.space_id = ANY(@spaceIds) AND o.first_month >= @fromMonth AND o.last_month <= @toMonth",
            some.Filter(withSpaces: true).Where);
        Assert.DoesNotContain("space_id", some.Filter(withSpaces: false).Where);

        var none = new ExportQueryBuilder(Plan("csv", []), new SqliteDialect());
        Assert.Contains("o.indicator_id IS NULL", none.Filter(withSpaces: false).Where);
    }

    [Fact]
    public void The_years_to_decide_come_from_every_space_within_the_plan()
    {
        var sql = new ExportQueryBuilder(Plan("csv", [Count], scope: [Guid.NewGuid()], from: 202401, to: 202412), new SqliteDialect())
            .MonthRange(default).CommandText;
        // Withheld cells are decided over every space (Disclosure), so the years do not depend on the listed spaces.
        Assert.StartsWith("SELECT MIN(o.first_month), MAX(o.last_month) FROM observations o WHERE", sql);
        Assert.DoesNotContain("space_id", sql);
        Assert.Contains("o.first_month >= @fromMonth", sql);
    }

    [Fact]
    public void Cells_go_to_sqlite_as_one_json_list()
    {
        ISqlDialect sqlite = new SqliteDialect(), postgres = new PostgreSqlDialect();
        var space = Guid.Parse("01a24285-7436-7d36-9169-0d5608938163");
        var (condition, value) = sqlite.InIds("o.space_id", "@spaceIds", [space]);
        Assert.Equal("o.space_id IN (SELECT value FROM json_each(@spaceIds))", condition);
        Assert.Equal("[\"01a24285-7436-7d36-9169-0d5608938163\"]", value);
        var (pgCondition, pgValue) = postgres.InIds("o.space_id", "@spaceIds", [space]);
        Assert.Equal("o.space_id = ANY(@spaceIds)", pgCondition);
        Assert.Equal([space], Assert.IsType<List<Guid>>(pgValue));
    }
}
