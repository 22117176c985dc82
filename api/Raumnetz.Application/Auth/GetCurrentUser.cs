using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Auth;

public sealed record GetCurrentUserQuery(Guid UserId) : IRequest<CurrentUserDto>;

public sealed class GetCurrentUserHandler(IDbConnectionFactory db) : IRequestHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CurrentUserDto>(
            "SELECT id, email, display_name, role FROM users WHERE id = @UserId AND is_active = @active", new { request.UserId, active = true })
            ?? throw new NotFoundException("User", request.UserId);
    }
}
