using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Users;

/// <summary>Reactivates a deactivated account (admins only): it can sign in again with its password.</summary>
public sealed record ReactivateUserCommand(Guid Id) : ICommand<UserDto>;

public sealed class ReactivateUserHandler(IUnitOfWork unitOfWork, UserReads reads, TimeProvider clock)
    : IRequestHandler<ReactivateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(ReactivateUserCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var user = await reads.LoadAsync(connection, tx, request.Id, cancellationToken) ?? throw new NotFoundException("User", request.Id);
        if (!user.IsActive)
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE users SET is_active = @active, version = version + 1, updated_at = @now WHERE id = @id",
                new { id = request.Id, active = true, now = clock.GetUtcNow() }, tx, cancellationToken: cancellationToken));
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
