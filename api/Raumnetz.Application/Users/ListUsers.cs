using Dapper;
using Raumnetz.Application.Authorization;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Users;

public sealed record ListUsersQuery : IRequest<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IDbConnectionFactory db) : IRequestHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        return await db.ReadAsync(async (connection, ct) =>
        {
            var users = (await connection.QueryAsync<UserDto>(new CommandDefinition(
                $"SELECT {UserReads.Columns} FROM users ORDER BY email_key", cancellationToken: ct))).ToList();
            var grants = await GrantReads.LoadForAllUsersAsync(connection, ct);
            return (IReadOnlyList<UserDto>)users.Select(u => u with { Grants = grants[u.Id].ToList() }).ToList();
        }, cancellationToken);
    }
}
