using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>Members of a network sorted by actor name; all of them (current, past and future) unless <see cref="State"/> is
/// given.</summary>
public sealed record ListNetworkMembersQuery(Guid NetworkId, MembershipState? State, MemberRole? Role, int? Limit, string? Cursor)
    : IRequest<Page<NetworkMemberDto>>;

public sealed class ListNetworkMembersValidator : AbstractValidator<ListNetworkMembersQuery>
{
    public ListNetworkMembersValidator()
    {
        RuleFor(x => x.State).DefinedEnum();
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListNetworkMembersHandler(IDbConnectionFactory db, TimeProvider clock)
    : IRequestHandler<ListNetworkMembersQuery, Page<NetworkMemberDto>>
{
    public async Task<Page<NetworkMemberDto>> Handle(ListNetworkMembersQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
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
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null)
        {
            where.Add("(a.search_key > @ck OR (a.search_key = @ck AND m.id > @cid))");
            p.Add("ck", cursor.Key);
            p.Add("cid", cursor.Id);
        }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {NetworkReads.MemberColumns}, a.search_key AS {QueryExtensions.SortKey} FROM {NetworkReads.MemberFrom}
            WHERE {string.Join(" AND ", where)}
            ORDER BY a.search_key, m.id {db.Dialect.Limit("@take")}
            """;
        var page = await db.ReadAsync(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(
                    new CommandDefinition("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { request.NetworkId },
                        cancellationToken: ct)) == 0)
                throw new NotFoundException("Network", request.NetworkId);
            return await connection.QueryPageAsync<NetworkMemberDto>(sql, p, limit, m => m.Id, ct);
        }, cancellationToken);
        return page with { Items = page.Items.Select(m => NetworkReads.WithState(m, today)).ToList() };
    }
}
