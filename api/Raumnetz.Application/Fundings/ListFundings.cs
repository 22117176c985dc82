using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Fundings;

/// <summary>Fundings in the order they were recorded, filtered by service, funder and renewal status.</summary>
public sealed record ListFundingsQuery(Guid? ServiceId, Guid? FunderActorId, RenewalStatus? RenewalStatus, ListOptions List)
    : IRequest<Page<FundingDto>>, IListQuery
{
    /// <summary>Sorts: createdAt (default, the order they were recorded), startsOn, endsOn (open ends last), updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("f.id", "f.updated_at", "createdAt",
        new SortColumn("createdAt", "f.created_at", SortKind.Instant),
        SortColumn.DateOrFirst("startsOn", "f.starts_on"),
        SortColumn.DateOrLast("endsOn", "f.ends_on"),
        new SortColumn("updatedAt", "f.updated_at", SortKind.Instant));
}

public sealed class ListFundingsValidator : AbstractValidator<ListFundingsQuery>
{
    public ListFundingsValidator()
    {
        RuleFor(x => x.RenewalStatus).DefinedEnum();
        Include(new ListOptionsValidator<ListFundingsQuery>(ListFundingsQuery.Sorts));
    }
}

public sealed class ListFundingsHandler(IDbConnectionFactory db) : IRequestHandler<ListFundingsQuery, Page<FundingDto>>
{
    public async Task<Page<FundingDto>> Handle(ListFundingsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.ServiceId is { } serviceId) { where.Add("f.service_id = @serviceId"); p.Add("serviceId", serviceId); }
        if (request.FunderActorId is { } funderId) { where.Add("f.funder_actor_id = @funderId"); p.Add("funderId", funderId); }
        if (request.RenewalStatus is { } status) { where.Add("f.renewal_status = @status"); p.Add("status", status.ToString()); }
        var sql = new ListSql(FundingReads.Columns, FundingReads.From, where, p);
        return await db.ReadAsync((connection, ct) =>
            connection.QueryListAsync<FundingDto>(db.Dialect, ListFundingsQuery.Sorts, request.List, sql, f => f.Id, ct),
            cancellationToken);
    }
}
