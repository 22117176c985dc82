using Dapper;
using MediatR;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

/// <summary>
/// Deactivates an account (admins only): its sessions and the admin API keys it created end at once, in the same
/// transaction (<see cref="AdminKeyStanding"/>), and it cannot sign in until reactivated (sign-in answers exactly as for a
/// wrong password). The last active administrator cannot be deactivated (409).
/// </summary>
public sealed record DeactivateUserCommand(Guid Id) : ICommand<UserDto>;

public sealed class DeactivateUserHandler(IUnitOfWork unitOfWork, UserReads reads, TimeProvider clock)
    : IRequestHandler<DeactivateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(DeactivateUserCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var user = await reads.LoadAsync(connection, tx, request.Id, cancellationToken) ?? throw new NotFoundException("User", request.Id);
        var now = clock.GetUtcNow();
        if (user.IsActive)
        {
            if (user.Role == Role.Admin)
                await UserReads.EnsureAnotherAdministratorAsync(connection, tx, unitOfWork.Dialect, request.Id, "isActive",
                    cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET is_active = @active, version = version + 1, updated_at = @now WHERE id = @id",
                new { id = request.Id, active = false, now }, tx, cancellationToken: cancellationToken));
        }
        await UserSessions.RevokeAllAsync(connection, tx, request.Id, now, cancellationToken);
        await AdminKeyStanding.RevokeKeysOfUserAsync(connection, tx, request.Id, now, cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
