using System.Buffers.Text;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentValidation;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Common;

/// <summary>How a sort key is compared, carried in a cursor and bound as a parameter.</summary>
public enum SortKind
{
    /// <summary>Text (a folded search key): compared by the database's collation.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Number,
    /// <summary>A day (<c>yyyy-MM-dd</c>).</summary>
    Date,
    /// <summary>An instant (UTC).</summary>
    Instant,
}

/// <summary>
/// One column a list can be sorted by: its API name (<c>name</c>, <c>updatedAt</c>) and the SQL expression of its key. The
/// expression must never be NULL (wrap a nullable column in COALESCE with a value before or after every real one), since
/// the keyset condition compares it with the cursor's key.
/// </summary>
public sealed record SortColumn(string Name, string Sql, SortKind Kind)
{
    /// <summary>
    /// Days standing in for a missing day: after (<see cref="DateOrLast"/>) or before (<see cref="DateOrFirst"/>) every real
    /// one. Not 9999-12-31 and 0001-01-01: Npgsql sends DateOnly.MaxValue and MinValue as PostgreSQL's infinity, which no
    /// stored day equals, so a cursor on them would lose the rows after it.
    /// </summary>
    public const string LastDay = "9000-01-01", FirstDay = "1000-01-01";

    /// <summary>A nullable day column; rows without one come after every day (ascending).</summary>
    public static SortColumn DateOrLast(string name, string column) => new(name, $"COALESCE({column}, '{LastDay}')", SortKind.Date);

    /// <summary>A nullable day column; rows without one come before every day (ascending).</summary>
    public static SortColumn DateOrFirst(string name, string column) => new(name, $"COALESCE({column}, '{FirstDay}')", SortKind.Date);
}

/// <summary>A resolved sort: the column and the direction (<c>-name</c> is <c>name</c> descending).</summary>
public sealed record SortOrder(SortColumn Column, bool Descending)
{
    public string Name => (Descending ? "-" : "") + Column.Name;
}

/// <summary>
/// What every list request carries besides its filters: page size, the cursor, the sort (<c>sort=name</c>,
/// <c>sort=-updatedAt</c>), whether to count the matching rows, and <c>modifiedAfter</c> (rows changed after that instant).
/// </summary>
public sealed record ListOptions(
    int? Limit = null, string? Cursor = null, string? Sort = null, bool IncludeTotal = false, DateTimeOffset? ModifiedAfter = null)
{
    public int Take => Limit ?? Paging.DefaultLimit;
}

/// <summary>A list query: its filters and the <see cref="ListOptions"/> the shared keyset reads.</summary>
public interface IListQuery
{
    ListOptions List { get; }
}

/// <summary>
/// Keyset position of a list: the sort it belongs to, the last row's sort key and its id, as an opaque base64url token. A
/// cursor names its sort, so a cursor from one sort order is refused under another instead of skipping or repeating rows.
/// </summary>
public sealed record ListCursor(string Sort, string Key, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new[] { Sort, Key, Id.ToString() })));

    public static bool TryDecode(string? token, out ListCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(token)) return true;
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)));
            if (parts is not { Length: 3 } || parts[0] is null || parts[1] is null || !Guid.TryParse(parts[2], out var id)) return false;
            cursor = new ListCursor(parts[0], parts[1], id);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>The SQL of one list without its order and paging: the rows <see cref="Keyset.QueryListAsync{T}"/> pages through.</summary>
/// <param name="Columns">The select list of the row type.</param>
/// <param name="From">The FROM clause (tables and joins, or a derived table).</param>
/// <param name="Where">The filter conditions, joined with AND.</param>
/// <param name="Parameters">
/// Their parameters; the keyset adds its own (<c>@ck</c>, <c>@cid</c>, <c>@take</c>, <c>@modifiedAfter</c>).
/// </param>
/// <param name="With">A leading WITH clause the FROM or the filters refer to, if any.</param>
public sealed record ListSql(string Columns, string From, IReadOnlyList<string> Where, DynamicParameters Parameters, string With = "");

/// <summary>
/// The sorts a list offers and how it pages: the one keyset for every list of the API. A list states its id column, its
/// "changed at" column (for <c>modifiedAfter</c>), its default sort and its sort columns; each column is offered ascending
/// and descending, ties are broken by the id in the same direction, and the cursor carries the sort and the key, so paging
/// is exact under every sort.
/// </summary>
public sealed class ListDefinition
{
    public const string SortKeyColumn = "sort_key";

    private readonly Dictionary<string, SortOrder> orders = new(StringComparer.Ordinal);

    /// <param name="id">The id column (<c>a.id</c>): the tie-breaker.</param>
    /// <param name="modified">The instant a row last changed (<c>a.updated_at</c>), which <c>modifiedAfter</c> filters on.</param>
    /// <param name="defaultSort">The sort without <c>sort</c> (a name from <see cref="SortNames"/>).</param>
    /// <param name="columns">The sort columns.</param>
    public ListDefinition(string id, string modified, string defaultSort, params SortColumn[] columns)
    {
        Id = id;
        Modified = modified;
        Columns = columns;
        foreach (var column in columns)
        {
            orders.Add(column.Name, new SortOrder(column, false));
            orders.Add("-" + column.Name, new SortOrder(column, true));
        }
        if (!orders.TryGetValue(defaultSort, out var order))
            throw new ArgumentException($"Unknown default sort {defaultSort}.", nameof(defaultSort));
        Default = order;
    }

    public string Id { get; }
    public string Modified { get; }
    public IReadOnlyList<SortColumn> Columns { get; }
    public SortOrder Default { get; }

    /// <summary>Every value <c>sort</c> accepts: each column ascending and, with a leading minus, descending.</summary>
    public IReadOnlyList<string> SortNames => [.. orders.Keys];

    public bool IsKnownSort(string? sort) => string.IsNullOrEmpty(sort) || orders.ContainsKey(sort);

    /// <summary>The sort of a request (the default without one); call it after validation.</summary>
    public SortOrder Resolve(string? sort) => string.IsNullOrEmpty(sort) ? Default : orders[sort];

    /// <summary>The cursor of a request, decoded and checked against its sort; null without one (call after validation).</summary>
    public static ListCursor? CursorOf(ListOptions options)
    {
        ListCursor.TryDecode(options.Cursor, out var cursor);
        return cursor;
    }

    /// <summary>Why a request's cursor is refused (null when it is fine or absent).</summary>
    public string? CursorProblem(ListOptions options)
    {
        if (!ListCursor.TryDecode(options.Cursor, out var cursor)) return Messages.Rule_Cursor;
        if (cursor is null || !IsKnownSort(options.Sort)) return null;
        var order = Resolve(options.Sort);
        if (cursor.Sort != order.Name) return Text.Format(Messages.Lists_CursorOfOtherSort, cursor.Sort, order.Name);
        return TryParseKey(order.Column.Kind, cursor.Key, out _) ? null : Messages.Rule_Cursor;
    }

    /// <summary>The parameter value of a key as a cursor carries it.</summary>
    public static bool TryParseKey(SortKind kind, string key, out object value)
    {
        value = key;
        switch (kind)
        {
            case SortKind.Text: return true;
            case SortKind.Number when long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n):
                value = n; return true;
            case SortKind.Date when DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                value = d; return true;
            case SortKind.Instant when DateTimeOffset.TryParseExact(key, "O", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t):
                value = t; return true;
            default: return false;
        }
    }

    /// <summary>A key as a cursor carries it (invariant; days as yyyy-MM-dd, instants as UTC round-trip text).</summary>
    public static string FormatKey(object? key) => key switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? "",
    };

    /// <summary>
    /// The conditions the keyset adds to a list's filters: rows after the cursor in the sort's direction, and rows changed
    /// after <c>modifiedAfter</c>. The first is left out of the count.
    /// </summary>
    internal (string? After, string? Modified) Conditions(ListOptions options, SortOrder order, DynamicParameters p)
    {
        string? modified = null;
        if (options.ModifiedAfter is { } since)
        {
            modified = $"{Modified} > @modifiedAfter";
            p.Add("modifiedAfter", since.ToUniversalTime());
        }
        var cursor = CursorOf(options);
        if (cursor is null) return (null, modified);
        TryParseKey(order.Column.Kind, cursor.Key, out var key);
        p.Add("ck", key);
        p.Add("cid", cursor.Id);
        var op = order.Descending ? "<" : ">";
        var k = order.Column.Sql;
        return ($"({k} {op} @ck OR ({k} = @ck AND {Id} {op} @cid))", modified);
    }

    /// <summary>ORDER BY of a sort: its key, then the id, both in the sort's direction.</summary>
    public string OrderBy(SortOrder order)
    {
        var direction = order.Descending ? " DESC" : "";
        return $"ORDER BY {order.Column.Sql}{direction}, {Id}{direction}";
    }
}

/// <summary>Runs lists on the shared keyset: a page in the requested sort and, on request, the count of the matching rows.</summary>
public static class Keyset
{
    /// <summary>
    /// One page of <typeparamref name="T"/> in the request's sort, after its cursor, with <c>modifiedAfter</c> applied, and
    /// with the number of matching rows (filters and <c>modifiedAfter</c>, not the cursor) when the request asks for it.
    /// </summary>
    public static async Task<Page<T>> QueryListAsync<T>(this DbConnection connection, ISqlDialect dialect, ListDefinition list,
        ListOptions options, ListSql sql, Func<T, Guid> id, CancellationToken ct)
    {
        var order = list.Resolve(options.Sort);
        var p = sql.Parameters;
        var (after, modified) = list.Conditions(options, order, p);
        var filters = modified is null ? sql.Where : [.. sql.Where, modified];
        var paged = after is null ? filters : [.. filters, after];
        var limit = options.Take;
        p.Add("take", limit + 1);
        var pageSql = $"""
            {sql.With}
            SELECT {sql.Columns}, {KeyColumn(order.Column)} AS {ListDefinition.SortKeyColumn} FROM {sql.From}
            {Where(paged)}
            {list.OrderBy(order)} {dialect.Limit("@take")}
            """;
        var command = new CommandDefinition(pageSql, p, cancellationToken: ct);
        var rows = order.Column.Kind switch
        {
            SortKind.Number => await ReadAsync<T, long>(connection, command),
            SortKind.Date => await ReadAsync<T, DateOnly>(connection, command),
            SortKind.Instant => await ReadAsync<T, DateTimeOffset>(connection, command),
            _ => await ReadAsync<T, string>(connection, command),
        };
        int? total = null;
        if (options.IncludeTotal)
            total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                $"{sql.With} SELECT COUNT(*) FROM {sql.From} {Where(filters)}", p, cancellationToken: ct));
        return ToPage(rows, limit, order, id, total);
    }

    /// <summary>
    /// The same paging over rows held in memory (lists computed in code): <paramref name="key"/> gives a row's key for a sort
    /// column as text whose ordinal order is the column's order.
    /// </summary>
    public static Page<T> PageInMemory<T>(IEnumerable<T> rows, ListDefinition list, ListOptions options,
        Func<T, SortColumn, string> key, Func<T, Guid> id)
    {
        var order = list.Resolve(options.Sort);
        var cursor = ListDefinition.CursorOf(options);
        var all = rows.Select(r => (Item: r, Key: key(r, order.Column))).ToList();
        var sign = order.Descending ? -1 : 1;
        int Compare(T item, string itemKey, string otherKey, Guid otherId)
        {
            var c = string.CompareOrdinal(itemKey, otherKey);
            return sign * (c != 0 ? c : id(item).CompareTo(otherId));
        }
        var sorted = all.Order(Comparer<(T Item, string Key)>.Create((a, b) => Compare(a.Item, a.Key, b.Key, id(b.Item))));
        var after = cursor is null ? sorted : sorted.Where(r => Compare(r.Item, r.Key, cursor.Key, cursor.Id) > 0);
        return ToPage([.. after.Select(r => (r.Item, (object?)r.Key))], options.Take, order, id, options.IncludeTotal ? all.Count : null);
    }

    private static Page<T> ToPage<T>(List<(T Item, object? Key)> rows, int limit, SortOrder order, Func<T, Guid> id, int? total)
    {
        if (rows.Count <= limit) return new Page<T>([.. rows.Select(r => r.Item)], null, total);
        var last = rows[limit - 1];
        return new Page<T>([.. rows.Take(limit).Select(r => r.Item)],
            new ListCursor(order.Name, ListDefinition.FormatKey(last.Key), id(last.Item)).Encode(), total);
    }

    /// <summary>
    /// The key as it is read back: whole numbers as BIGINT on every provider (an INTEGER column reads as Int32 elsewhere).
    /// </summary>
    private static string KeyColumn(SortColumn column) => column.Kind == SortKind.Number ? $"CAST({column.Sql} AS BIGINT)" : column.Sql;

    private static string Where(IReadOnlyList<string> conditions) =>
        conditions.Count > 0 ? "WHERE " + string.Join(" AND ", conditions) : "";

    private static async Task<List<(T Item, object? Key)>> ReadAsync<T, TKey>(DbConnection connection, CommandDefinition command) =>
        [.. await connection.QueryAsync<T, TKey, (T, object?)>(command, (item, key) => (item, key), splitOn: ListDefinition.SortKeyColumn)];
}

/// <summary>The rules every list request shares: page size, sort, cursor (of this sort), each 400 naming its parameter.</summary>
public sealed class ListOptionsValidator<T> : AbstractValidator<T> where T : IListQuery
{
    public ListOptionsValidator(ListDefinition list)
    {
        RuleFor(x => x.List.Limit).InclusiveBetween(1, Paging.MaxLimit).OverridePropertyName("limit");
        RuleFor(x => x.List.Sort).Must(list.IsKnownSort)
            .WithMessage(_ => Text.Format(Messages.Field_OneOf, "sort", string.Join(", ", list.SortNames))).OverridePropertyName("sort");
        RuleFor(x => x.List).Custom((options, context) =>
        {
            if (list.CursorProblem(options) is { } problem) context.AddFailure("cursor", problem);
        });
    }
}
