using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Users;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Auth;

/// <summary>
/// The signed-in user changes their own password (the current one is required; the new one follows
/// <see cref="PasswordRules"/>). Every other session of the user ends in the same transaction; the one that made the
/// change stays valid. Also what a one-time password set by an administrator must be replaced by.
/// </summary>
public sealed record ChangePasswordCommand : ICommand<Unit>
{
    public string CurrentPassword { get; init; } = "";
    public string NewPassword { get; init; } = "";
    /// <summary>The signed-in user; set by the endpoint, never from the body.</summary>
    [JsonIgnore] public Guid UserId { get; init; }
    /// <summary>The session that asks (kept open); set by the endpoint, never from the body.</summary>
    [JsonIgnore] public Guid? SessionId { get; init; }
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(Limits.Password);
        RuleFor(x => x.NewPassword).NotEmpty().MinimumLength(Limits.MinPassword).MaximumLength(Limits.Password);
    }
}

public sealed class ChangePasswordHandler(IUnitOfWork unitOfWork, IPasswordHashing hashing, TimeProvider clock)
    : IRequestHandler<ChangePasswordCommand, Unit>
{
    private sealed class Row
    {
        public string Email { get; init; } = "";
        public string PasswordHash { get; init; } = "";
    }

    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT email, password_hash FROM users WHERE id = @id AND is_active = @active", new { id = request.UserId, active = true }, tx,
            cancellationToken: cancellationToken)) ?? throw new NotFoundException("User", request.UserId);
        if (!hashing.Verify(user.PasswordHash, request.CurrentPassword, out _))
            throw new InvalidFieldException("currentPassword", Messages.Password_CurrentWrong);
        if (request.NewPassword == request.CurrentPassword)
            throw new InvalidFieldException("newPassword", Messages.Password_MustDiffer);
        PasswordRules.Check(request.NewPassword, user.Email, "newPassword");
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET password_hash = @hash, must_change_password = @must, version = version + 1, updated_at = @now WHERE id = @id
            """, new { id = request.UserId, hash = hashing.Hash(request.NewPassword), must = false, now }, tx,
            cancellationToken: cancellationToken));
        await UserSessions.RevokeOthersAsync(connection, tx, request.UserId, request.SessionId, now, cancellationToken);
        return Unit.Value;
    }
}
