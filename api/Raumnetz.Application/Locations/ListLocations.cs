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
public sealed record ListLocationsQuery(LocationFilter Filter, ListOptions List) : IRequest<Page<LocationDto>>, IListQuery
{
    /// <summary>Sorts: name (default), createdAt, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("l.id", "l.updated_at", "name",
        new SortColumn("name", "l.search_key", SortKind.Text),
        new SortColumn("createdAt", "l.created_at", SortKind.Instant),
        new SortColumn("updatedAt", "l.updated_at", SortKind.Instant));
}

public sealed class ListLocationsValidator : AbstractValidator<ListLocationsQuery>
{
    public ListLocationsValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(Limits.Search).OverridePropertyName("q");
        RuleFor(x => x.Filter.Category).MaximumLength(Limits.Code).OverridePropertyName("category");
        RuleFor(x => x.Filter.TargetGroup).MaximumLength(Limits.Code).OverridePropertyName("targetGroup");
        Include(new ListOptionsValidator<ListLocationsQuery>(ListLocationsQuery.Sorts));
    }
}

public sealed class ListLocationsHandler(IDbConnectionFactory db, LocationReads reads, TaxonomyReads taxonomies)
    : IRequestHandler<ListLocationsQuery, Page<LocationDto>>
{
    public async Task<Page<LocationDto>> Handle(ListLocationsQuery request, CancellationToken cancellationToken)
    {
        var filter = InventoryFilters.Locations(request.Filter);
        var sql = new ListSql(LocationReads.Columns, LocationReads.From, filter.Where, filter.Parameters, filter.With(db.Dialect));
        return await db.ReadAsync(async (connection, ct) =>
        {
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.Category, TaxonomyKind.ServiceCategory, "category");
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup");
            var page = await connection.QueryListAsync<LocationReads.Row>(db.Dialect, ListLocationsQuery.Sorts, request.List, sql,
                l => l.Id, ct);
            return new Page<LocationDto>(await reads.CompleteAsync(connection, null, page.Items, ct), page.NextCursor, page.Total);
        }, cancellationToken);
    }
}
