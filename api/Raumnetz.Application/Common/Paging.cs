namespace Raumnetz.Application.Common;

/// <summary>
/// One page of a list: the items, an opaque cursor for the next page (null on the last page) and, when the request asked
/// for it (<c>includeTotal=true</c>), the number of rows matching its filters over all pages (null otherwise).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total = null);

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}
