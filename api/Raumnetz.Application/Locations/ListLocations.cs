using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Locations;

/// <summary>
/// Locations sorted by name, filtered by social space (with the spaces below it), category and target group of their
/// services (with narrower terms), operator, kind and text. Archived locations only with includeArchived.
/// </summary>
public sealed record ListLocationsQuery(LocationFilter Filter, int? Limit, string? Cursor) : IRequest<Page<LocationDto>>;

public sealed class ListLocationsValidator : AbstractValidator<ListLocationsQuery>
{
    public ListLocationsValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(Limits.Search).OverridePropertyName("q");
        RuleFor(x => x.Filter.Category).MaximumLength(Limits.Code).OverridePropertyName("category");
        RuleFor(x => x.Filter.TargetGroup).MaximumLength(Limits.Code).OverridePropertyName("targetGroup");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListLocationsHandler(IDbConnectionFactory db, LocationReads reads, TaxonomyReads taxonomies)
    : IRequestHandler<ListLocationsQuery, Page<LocationDto>>
{
    public async Task<Page<LocationDto>> Handle(ListLocationsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var filter = InventoryFilters.Locations(request.Filter);
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            filter.Where.Add("(l.search_key > @ck OR (l.search_key = @ck AND l.id > @cid))");
            filter.Parameters.Add("ck", cursor.Key);
            filter.Parameters.Add("cid", cursor.Id);
        }
        filter.Parameters.Add("take", limit + 1);
        var sql = $"""
            {filter.With(db.Dialect)}
            SELECT {LocationReads.Columns}, l.search_key AS {QueryExtensions.SortKey} FROM {LocationReads.From}
            {filter.WhereClause}
            ORDER BY l.search_key, l.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.Category, TaxonomyKind.ServiceCategory, "category");
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup");
            var page = await connection.QueryPageAsync<LocationReads.Row>(sql, filter.Parameters, limit, l => l.Id, ct);
            return new Page<LocationDto>(await reads.CompleteAsync(connection, null, page.Items, ct), page.NextCursor);
        }, cancellationToken);
    }
}
