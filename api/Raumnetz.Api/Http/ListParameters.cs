using Microsoft.AspNetCore.Mvc;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Http;

/// <summary>
/// The query parameters every list shares (bound with [AsParameters]): limit, cursor, sort, includeTotal and modifiedAfter.
/// The document describes them per list (<see cref="ListConventions.Sorted"/>: the list's sort values as an enum).
/// </summary>
public sealed class ListParameters
{
    [FromQuery(Name = "limit")] public int? Limit { get; init; }
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "includeTotal")] public bool? IncludeTotal { get; init; }
    [FromQuery(Name = "modifiedAfter")] public DateTimeOffset? ModifiedAfter { get; init; }

    public ListOptions Options => new(Limit, Cursor, Sort, IncludeTotal ?? false, ModifiedAfter);
}

/// <summary>The list a list endpoint serves: its sorts, for the document.</summary>
public sealed record ListEndpointMetadata(ListDefinition List);

public static class ListConventions
{
    /// <summary>Marks a list endpoint: the document lists its sort values and describes the shared list parameters.</summary>
    public static RouteHandlerBuilder Sorted(this RouteHandlerBuilder builder, ListDefinition list) =>
        builder.WithMetadata(new ListEndpointMetadata(list));
}
