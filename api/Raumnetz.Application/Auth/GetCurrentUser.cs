using Dapper;
using MediatR;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Auth;

public sealed record GetCurrentUserQuery(Guid UserId) : IRequest<CurrentUserDto>;

public sealed class GetCurrentUserHandler(IDbConnectionFactory db, GrantReads grants) : IRequestHandler<GetCurrentUserQuery, CurrentUserDto>
{
    public async Task<CurrentUserDto> Handle(GetCurrentUserQuery request, CancellationToken cancellationToken)
    {
        // A read, so it gets the read retry (the per-request session check is Infrastructure/Security/AccountReader).
        var user = await db.ReadAsync((connection, ct) => connection.QuerySingleOrDefaultAsync<CurrentUserDto>(new CommandDefinition(
                "SELECT id, email, display_name, role, must_change_password FROM users WHERE id = @UserId AND is_active = @active",
                new { request.UserId, active = true }, cancellationToken: ct)),
                cancellationToken)
            ?? throw new NotFoundException("User", request.UserId);
        return user with { Grants = await grants.ListAsync(user.Id, null, cancellationToken) };
    }
}
