using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Fundings;

/// <summary>Fundings in the order they were recorded, filtered by service, funder and renewal status.</summary>
public sealed record ListFundingsQuery(Guid? ServiceId, Guid? FunderActorId, RenewalStatus? RenewalStatus, int? Limit, string? Cursor)
    : IRequest<Page<FundingDto>>;

public sealed class ListFundingsValidator : AbstractValidator<ListFundingsQuery>
{
    public ListFundingsValidator()
    {
        RuleFor(x => x.RenewalStatus).DefinedEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage("'cursor' is not a cursor this API issued.");
    }
}

public sealed class ListFundingsHandler(IDbConnectionFactory db) : IRequestHandler<ListFundingsQuery, Page<FundingDto>>
{
    public async Task<Page<FundingDto>> Handle(ListFundingsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.ServiceId is { } serviceId) { where.Add("f.service_id = @serviceId"); p.Add("serviceId", serviceId); }
        if (request.FunderActorId is { } funderId) { where.Add("f.funder_actor_id = @funderId"); p.Add("funderId", funderId); }
        if (request.RenewalStatus is { } status) { where.Add("f.renewal_status = @status"); p.Add("status", status.ToString()); }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null) { where.Add("f.id > @cid"); p.Add("cid", cursor.Id); }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {FundingReads.Columns} FROM {FundingReads.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY f.id {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<FundingDto>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList(), cancellationToken);
        return Paging.ToPage(rows, limit, f => ("", f.Id));
    }
}
