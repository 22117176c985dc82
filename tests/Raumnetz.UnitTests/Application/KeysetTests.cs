using System.Buffers.Text;
using System.Text;
using Raumnetz.Application.Common;

namespace Raumnetz.UnitTests.Application;

/// <summary>The shared keyset of every list: its cursor, its sorts, its checks and its paging of rows held in memory.</summary>
public sealed class KeysetTests
{
    private static string Token(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static readonly ListDefinition Sample = new("x.id", "x.updated_at", "name",
        new SortColumn("name", "x.search_key", SortKind.Text),
        new SortColumn("rank", "x.rank", SortKind.Number),
        SortColumn.DateOrLast("dueOn", "x.due_on"),
        new SortColumn("updatedAt", "x.updated_at", SortKind.Instant));

    [Theory]
    [InlineData("name", "prenzlau")]
    [InlineData("-name", "")]
    [InlineData("name", "grosse strasse \"zitat\" & ,;[]")]
    [InlineData("-updatedAt", "quartier 100 %")]
    public void Round_trips(string sort, string key)
    {
        var cursor = new ListCursor(sort, key, Guid.CreateVersion7());
        var token = cursor.Encode();

        Assert.True(ListCursor.TryDecode(token, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_token_means_the_first_page(string? token)
    {
        Assert.True(ListCursor.TryDecode(token, out var cursor));
        Assert.Null(cursor);
    }

    public static TheoryData<string> Garbage => new()
    {
        "garbage!",
        "%%%",
        "a",
        Token("not json"),
        Token("{\"a\":1}"),
        Token("[\"only-key\"]"),
        Token($"[\"key\",\"{Guid.NewGuid()}\"]"), // a cursor of before sorts were named
        Token("[\"name\",\"key\",\"not-a-guid\"]"),
        Token($"[\"name\",\"key\",\"{Guid.NewGuid()}\",\"extra\"]"),
        Token($"[null,\"key\",\"{Guid.NewGuid()}\"]"),
        Token($"[\"name\",null,\"{Guid.NewGuid()}\"]"),
        Token($"[\"name\",1,\"{Guid.NewGuid()}\"]"),
        Token("null"),
        Token("[]"),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_is_rejected(string token)
    {
        Assert.False(ListCursor.TryDecode(token, out var cursor));
        Assert.Null(cursor);
        Assert.Equal(Raumnetz.Domain.Common.Messages.Rule_Cursor, Sample.CursorProblem(new ListOptions(Cursor: token)));
    }

    [Fact]
    public void Every_column_is_offered_ascending_and_descending_and_nothing_else()
    {
        Assert.Equal(["name", "-name", "rank", "-rank", "dueOn", "-dueOn", "updatedAt", "-updatedAt"], Sample.SortNames);
        Assert.True(Sample.IsKnownSort(null));
        Assert.False(Sample.IsKnownSort("Name"));
        Assert.False(Sample.IsKnownSort("--name"));
        Assert.False(Sample.IsKnownSort("+name"));
        Assert.Equal(new SortOrder(Sample.Columns[0], false), Sample.Resolve(null));
        Assert.Equal(new SortOrder(Sample.Columns[3], true), Sample.Resolve("-updatedAt"));
        Assert.Throws<ArgumentException>(() => new ListDefinition("x.id", "x.updated_at", "size", Sample.Columns[0]));
    }

    [Fact]
    public void Order_and_keyset_condition_follow_the_direction_with_the_id_as_tie_breaker()
    {
        Assert.Equal("ORDER BY x.rank, x.id", Sample.OrderBy(Sample.Resolve("rank")));
        Assert.Equal("ORDER BY COALESCE(x.due_on, '9000-01-01') DESC, x.id DESC", Sample.OrderBy(Sample.Resolve("-dueOn")));
    }

    [Fact]
    public void A_cursor_of_another_sort_or_with_a_key_of_the_wrong_kind_is_refused()
    {
        var id = Guid.CreateVersion7();
        Assert.Null(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("name", "abc", id).Encode())));
        Assert.Null(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("-rank", "-12", id).Encode(), Sort: "-rank")));
        Assert.Null(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("dueOn", "2024-02-29", id).Encode(), Sort: "dueOn")));
        Assert.Null(Sample.CursorProblem(new ListOptions(
            Cursor: new ListCursor("updatedAt", "2024-02-29T10:00:00.1234567+00:00", id).Encode(), Sort: "updatedAt")));

        Assert.Contains("'-name'", Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("-name", "abc", id).Encode())));
        Assert.NotNull(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("name", "abc", id).Encode(), Sort: "rank")));
        Assert.NotNull(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("rank", "zwölf", id).Encode(), Sort: "rank")));
        Assert.NotNull(Sample.CursorProblem(new ListOptions(Cursor: new ListCursor("dueOn", "2024-02-30", id).Encode(), Sort: "dueOn")));
        Assert.NotNull(Sample.CursorProblem(
            new ListOptions(Cursor: new ListCursor("updatedAt", "gestern", id).Encode(), Sort: "updatedAt")));
    }

    [Theory]
    [InlineData(0, "2024-02-29", "2024-02-29")]
    [InlineData(1, 42L, "42")]
    [InlineData(2, "abc", "abc")]
    public void Keys_are_written_invariantly(int kind, object value, string expected)
    {
        var key = kind == 0 ? DateOnly.Parse((string)value, System.Globalization.CultureInfo.InvariantCulture) : value;
        Assert.Equal(expected, ListDefinition.FormatKey(key));
        Assert.True(ListDefinition.TryParseKey(kind switch { 0 => SortKind.Date, 1 => SortKind.Number, _ => SortKind.Text }, expected,
            out var parsed));
        Assert.Equal(key, parsed);
    }

    [Fact]
    public void An_instant_key_round_trips_in_utc()
    {
        var t = new DateTimeOffset(2024, 5, 1, 12, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        var text = ListDefinition.FormatKey(t);
        Assert.Equal("2024-05-01T10:00:00.1234567+00:00", text);
        Assert.True(ListDefinition.TryParseKey(SortKind.Instant, text, out var parsed));
        Assert.Equal(t, (DateTimeOffset)parsed);
    }

    private sealed record Row(Guid Id, string Name, int Rank);

    [Theory]
    [InlineData("name", 1)]
    [InlineData("name", 3)]
    [InlineData("-name", 2)]
    [InlineData("rank", 4)]
    [InlineData("-rank", 1)]
    public void Paging_in_memory_yields_every_row_once_in_order_with_ties_by_id(string sort, int limit)
    {
        var rows = Enumerable.Range(0, 11).Select(i => new Row(Guid.CreateVersion7(), $"n{i % 4}", i % 3)).Reverse().ToList();
        static string Key(Row r, SortColumn c) =>
            c.Name == "rank" ? r.Rank.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) : r.Name;
        var seen = new List<Row>();
        string? cursor = null;
        do
        {
            var page = Keyset.PageInMemory(rows, Sample, new ListOptions(limit, cursor, sort, IncludeTotal: true), Key, r => r.Id);
            Assert.Equal(rows.Count, page.Total);
            Assert.True(page.Items.Count <= limit);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        var descending = sort.StartsWith('-');
        var column = Sample.Resolve(sort).Column;
        var expected = descending
            ? rows.OrderByDescending(r => Key(r, column), StringComparer.Ordinal).ThenByDescending(r => r.Id).ToList()
            : rows.OrderBy(r => Key(r, column), StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        Assert.Equal(expected, seen);
    }

    [Fact]
    public void Without_includeTotal_nothing_is_counted()
    {
        var page = Keyset.PageInMemory([new Row(Guid.CreateVersion7(), "a", 1)], Sample, new ListOptions(), (r, _) => r.Name, r => r.Id);
        Assert.Null(page.Total);
        Assert.Null(page.NextCursor);
    }
}
