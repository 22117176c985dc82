using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Users;

/// <summary>
/// Sets a one-time password for an account (admins only): the account's sessions end at once, and after signing in with
/// it the user must choose a new password (<see cref="UserDto.MustChangePassword"/>) before any other use of the API.
/// The password rules of <see cref="PasswordRules"/> apply.
/// </summary>
public sealed record SetUserPasswordCommand : ICommand<UserDto>
{
    public Guid Id { get; init; }
    public string Password { get; init; } = "";
}

public sealed class SetUserPasswordValidator : AbstractValidator<SetUserPasswordCommand>
{
    public SetUserPasswordValidator() =>
        RuleFor(x => x.Password).NotEmpty().MinimumLength(Limits.MinPassword).MaximumLength(Limits.Password);
}

public sealed class SetUserPasswordHandler(IUnitOfWork unitOfWork, UserReads reads, IPasswordHashing hashing, TimeProvider clock)
    : IRequestHandler<SetUserPasswordCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserPasswordCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var user = await reads.LoadAsync(connection, tx, request.Id, cancellationToken) ?? throw new NotFoundException("User", request.Id);
        PasswordRules.Check(request.Password, user.Email, "password");
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET password_hash = @hash, must_change_password = @must, version = version + 1, updated_at = @now WHERE id = @id
            """, new { id = request.Id, hash = hashing.Hash(request.Password), must = true, now }, tx,
            cancellationToken: cancellationToken));
        await UserSessions.RevokeAllAsync(connection, tx, request.Id, now, cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
