using Raumnetz.Domain.Common;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>
/// Services sorted by name, filtered as <see cref="ServiceFilter"/> says (space subtree, category and target group with
/// narrower terms, operator, status, location, network, text). Archived services only with includeArchived.
/// </summary>
public sealed record ListServicesQuery(ServiceFilter Filter, ListOptions List) : IRequest<Page<ServiceDto>>, IListQuery
{
    /// <summary>Sorts: name (default), status, verifiedOn (never verified first), createdAt, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("sv.id", "sv.updated_at", "name",
        new SortColumn("name", "sv.search_key", SortKind.Text),
        new SortColumn("status", "sv.status", SortKind.Text),
        SortColumn.DateOrFirst("verifiedOn", "sv.verified_on"),
        new SortColumn("createdAt", "sv.created_at", SortKind.Instant),
        new SortColumn("updatedAt", "sv.updated_at", SortKind.Instant));
}

public sealed class ListServicesValidator : AbstractValidator<ListServicesQuery>
{
    public ListServicesValidator()
    {
        RuleFor(x => x.Filter.Q).MaximumLength(Limits.Search).OverridePropertyName("q");
        RuleFor(x => x.Filter.Category).MaximumLength(Limits.Code).OverridePropertyName("category");
        RuleFor(x => x.Filter.TargetGroup).MaximumLength(Limits.Code).OverridePropertyName("targetGroup");
        RuleFor(x => x.Filter.Status).DefinedEnum().OverridePropertyName("status");
        RuleFor(x => x.Filter.Verification).DefinedEnum().OverridePropertyName("verification");
        RuleFor(x => x.Filter.FundingEndsTo).GreaterThanOrEqualTo(x => x.Filter.FundingEndsFrom)
            .When(x => x.Filter.FundingEndsFrom is not null && x.Filter.FundingEndsTo is not null)
            .OverridePropertyName("fundingEndsTo")
            .WithMessage(_ => Text.Format(Messages.Rule_NotBefore, "fundingEndsTo", "fundingEndsFrom"));
        Include(new ListOptionsValidator<ListServicesQuery>(ListServicesQuery.Sorts));
    }
}

public sealed class ListServicesHandler(IDbConnectionFactory db, ServiceReads reads, TaxonomyReads taxonomies)
    : IRequestHandler<ListServicesQuery, Page<ServiceDto>>
{
    public async Task<Page<ServiceDto>> Handle(ListServicesQuery request, CancellationToken cancellationToken)
    {
        var filter = InventoryFilters.Services(request.Filter);
        var sql = new ListSql(ServiceReads.Columns, ServiceReads.From, filter.Where, filter.Parameters, filter.With(db.Dialect));
        return await db.ReadAsync(async (connection, ct) =>
        {
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.Category, TaxonomyKind.ServiceCategory, "category");
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup");
            var page = await connection.QueryListAsync<ServiceReads.Row>(db.Dialect, ListServicesQuery.Sorts, request.List, sql,
                s => s.Id, ct);
            return new Page<ServiceDto>(await reads.CompleteAsync(connection, null, page.Items, ct), page.NextCursor, page.Total);
        }, cancellationToken);
    }
}
