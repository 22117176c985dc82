using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>Members of a network sorted by actor name; all of them (current, past and future) unless <see cref="State"/> is
/// given.</summary>
public sealed record ListNetworkMembersQuery(Guid NetworkId, MembershipState? State, MemberRole? Role, ListOptions List)
    : IRequest<Page<NetworkMemberDto>>, IListQuery
{
    /// <summary>Sorts: name (the actor's; default), role, validFrom, validTo (open-ended last), updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("m.id", "m.updated_at", "name",
        new SortColumn("name", "a.search_key", SortKind.Text),
        new SortColumn("role", "m.role", SortKind.Text),
        new SortColumn("validFrom", "m.valid_from", SortKind.Date),
        SortColumn.DateOrLast("validTo", "m.valid_to"),
        new SortColumn("updatedAt", "m.updated_at", SortKind.Instant));
}

public sealed class ListNetworkMembersValidator : AbstractValidator<ListNetworkMembersQuery>
{
    public ListNetworkMembersValidator()
    {
        RuleFor(x => x.State).DefinedEnum();
        RuleFor(x => x.Role).DefinedEnum();
        Include(new ListOptionsValidator<ListNetworkMembersQuery>(ListNetworkMembersQuery.Sorts));
    }
}

public sealed class ListNetworkMembersHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListNetworkMembersQuery, Page<NetworkMemberDto>>
{
    public async Task<Page<NetworkMemberDto>> Handle(ListNetworkMembersQuery request, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var where = new List<string> { "m.network_id = @networkId" };
        var p = new DynamicParameters();
        p.Add("networkId", request.NetworkId);
        p.Add("today", today);
        switch (request.State)
        {
            case MembershipState.Current: where.Add("m.valid_from <= @today AND (m.valid_to IS NULL OR m.valid_to >= @today)"); break;
            case MembershipState.Past: where.Add("m.valid_to < @today"); break;
            case MembershipState.Future: where.Add("m.valid_from > @today"); break;
        }
        if (request.Role is { } role) { where.Add("m.role = @role"); p.Add("role", role.ToString()); }
        var sql = new ListSql(NetworkReads.MemberColumns, NetworkReads.MemberFrom, where, p);
        var page = await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Network", request.NetworkId);
            return await connection.QueryListAsync<NetworkMemberDto>(db.Dialect, ListNetworkMembersQuery.Sorts, request.List, sql,
                m => m.Id, ct);
        }, cancellationToken);
        return page with { Items = page.Items.Select(m => NetworkReads.WithState(m, today)).ToList() };
    }
}
