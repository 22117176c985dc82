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
public sealed record ListServicesQuery(ServiceFilter Filter, int? Limit, string? Cursor) : IRequest<Page<ServiceDto>>;

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
            .OverridePropertyName("fundingEndsTo").WithMessage("'fundingEndsTo' must not lie before 'fundingEndsFrom'.");
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
    }
}

public sealed class ListServicesHandler(IDbConnectionFactory db, ServiceReads reads, TaxonomyReads taxonomies)
    : IRequestHandler<ListServicesQuery, Page<ServiceDto>>
{
    public async Task<Page<ServiceDto>> Handle(ListServicesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var filter = InventoryFilters.Services(request.Filter);
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            filter.Where.Add("(sv.search_key > @ck OR (sv.search_key = @ck AND sv.id > @cid))");
            filter.Parameters.Add("ck", cursor.Key);
            filter.Parameters.Add("cid", cursor.Id);
        }
        filter.Parameters.Add("take", limit + 1);
        var sql = $"""
            {filter.With(db.Dialect)}
            SELECT {ServiceReads.Columns}, sv.search_key AS {QueryExtensions.SortKey} FROM {ServiceReads.From}
            {filter.WhereClause}
            ORDER BY sv.search_key, sv.id {db.Dialect.Limit("@take")}
            """;
        return await db.ReadAsync(async (connection, ct) =>
        {
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.Category, TaxonomyKind.ServiceCategory, "category");
            await taxonomies.CheckFilterCodeAsync(connection, request.Filter.TargetGroup, TaxonomyKind.TargetGroup, "targetGroup");
            var page = await connection.QueryPageAsync<ServiceReads.Row>(sql, filter.Parameters, limit, s => s.Id, ct);
            return new Page<ServiceDto>(await reads.CompleteAsync(connection, null, page.Items, ct), page.NextCursor);
        }, cancellationToken);
    }
}
