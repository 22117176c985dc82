using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Users;

public sealed record ListUsersQuery : IRequest<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IDbConnectionFactory db) : IRequestHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async Task<IReadOnlyList<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<UserDto>(
            "SELECT id, email, display_name, role, is_active, version, created_at, updated_at FROM users ORDER BY email_key")).ToList();
    }
}
