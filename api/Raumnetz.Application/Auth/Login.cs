using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Auth;

/// <summary>Checks e-mail and password. After <see cref="MaxFailures"/> failures in a row the account is locked for <see cref="LockTime"/>.</summary>
public sealed record LoginCommand(string Email, string Password) : IRequest<CurrentUserDto>
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockTime = TimeSpan.FromMinutes(5);
}

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(Limits.Email);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(Limits.Password);
    }
}

public sealed class LoginHandler(IDbConnectionFactory db, IPasswordHashing hashing, TimeProvider clock) : IRequestHandler<LoginCommand, CurrentUserDto>
{
    private sealed class UserRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public string PasswordHash { get; init; } = "";
        public int FailedLogins { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
        public bool IsActive { get; init; }
    }

    public async Task<CurrentUserDto> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await db.OpenAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>("""
            SELECT id, email, display_name, role, password_hash, failed_logins, locked_until, is_active FROM users WHERE email_key = @key
            """, new { key = request.Email.Trim().ToLowerInvariant() });
        if (user is null)
        {
            dummyHash ??= hashing.Hash(Guid.NewGuid().ToString());
            hashing.Verify(dummyHash, request.Password, out _); // same work as for a real account, so timing tells nothing
            throw new LoginFailedException();
        }
        if (user.LockedUntil is { } until && until > now) throw new TooManyAttemptsException(until - now);
        if (!hashing.Verify(user.PasswordHash, request.Password, out var rehash) || !user.IsActive)
        {
            var failures = user.FailedLogins + 1;
            DateTimeOffset? lockUntil = failures >= LoginCommand.MaxFailures ? now + LoginCommand.LockTime : null;
            await connection.ExecuteAsync("UPDATE users SET failed_logins = @failures, locked_until = @lockUntil WHERE id = @Id",
                new { user.Id, failures = lockUntil is null ? failures : 0, lockUntil });
            if (lockUntil is not null) throw new TooManyAttemptsException(LoginCommand.LockTime);
            throw new LoginFailedException();
        }
        await connection.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = @hash WHERE id = @Id",
            new { user.Id, hash = rehash ? hashing.Hash(request.Password) : user.PasswordHash });
        return new CurrentUserDto { Id = user.Id, Email = user.Email, DisplayName = user.DisplayName, Role = user.Role };
    }

    private static string? dummyHash;
}
