using System.Data.Common;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Auth;

/// <summary>
/// Checks e-mail and password. Failed sign-ins are throttled per e-mail address and client address with growing delays
/// (<see cref="SignInThrottle"/>); an account is never locked for everyone, and an unknown e-mail address is answered
/// exactly like a known one with a wrong password (same result, same delays, a password hash checked either way). So is a
/// deactivated account, even with the right password: the answer does not tell whether an account exists or is active.
/// </summary>
public sealed record LoginCommand(string Email, string Password) : IRequest<LoginResult>
{
    /// <summary>The client's address as the edge determined it (after trusted proxies); set by the endpoint, never from the body.</summary>
    [JsonIgnore] public string ClientAddress { get; init; } = "";
}

/// <summary>
/// The outcome of a sign-in: the user, or nothing (wrong e-mail address or password, inactive account), or a wait.
/// A failure is an answer rather than an exception because the handler records it, and that record must be kept.
/// </summary>
public sealed record LoginResult
{
    public CurrentUserDto? User { get; init; }

    /// <summary>Set when this e-mail address is throttled for this client address; no password was checked.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(Limits.Email);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(Limits.Password);
    }
}

public sealed class LoginHandler(IDbConnectionFactory db, IPasswordHashing hashing, TimeProvider clock) : IRequestHandler<LoginCommand, LoginResult>
{
    private sealed class UserRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public string PasswordHash { get; init; } = "";
        public bool IsActive { get; init; }
        public bool MustChangePassword { get; init; }
    }

    private sealed class FailureRow
    {
        public int Failures { get; init; }
        public DateTimeOffset LastFailedAt { get; init; }
    }

    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = request.Email.Trim().ToLowerInvariant();
        var address = request.ClientAddress;
        await using var connection = await db.OpenAsync(cancellationToken);
        var failed = await connection.QuerySingleOrDefaultAsync<FailureRow>(
            "SELECT failures, last_failed_at FROM login_failures WHERE email_key = @key AND client_address = @address", new { key, address });
        if (failed is not null && failed.LastFailedAt > now - SignInThrottle.ForgetAfter
            && failed.LastFailedAt + SignInThrottle.DelayAfter(failed.Failures) is var until && until > now)
            return new LoginResult { RetryAfter = until - now };

        var user = await connection.QuerySingleOrDefaultAsync<UserRow>("""
            SELECT id, email, display_name, role, password_hash, is_active, must_change_password FROM users WHERE email_key = @key
            """, new { key });
        // A hash is checked for unknown addresses too, so the time of the answer does not tell whether the account exists.
        var matches = hashing.Verify(user?.PasswordHash ?? DummyHash(), request.Password, out var rehash);
        if (user is null || !matches || !user.IsActive)
        {
            await RecordFailureAsync(connection, key, address, now);
            return new LoginResult();
        }
        if (failed is not null)
            await connection.ExecuteAsync("DELETE FROM login_failures WHERE email_key = @key AND client_address = @address", new { key, address });
        if (rehash)
            await connection.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @Id", new { user.Id, hash = hashing.Hash(request.Password) });
        return new LoginResult { User = new CurrentUserDto { Id = user.Id, Email = user.Email, DisplayName = user.DisplayName, Role = user.Role,
            MustChangePassword = user.MustChangePassword } };
    }

    /// <summary>Counts the failure for the pair (atomically, so parallel attempts all count) and forgets counts older than a day.</summary>
    private async Task RecordFailureAsync(DbConnection connection, string key, string address, DateTimeOffset now)
    {
        var forgetBefore = now - SignInThrottle.ForgetAfter;
        const string increment = """
            UPDATE login_failures SET failures = CASE WHEN last_failed_at < @forgetBefore THEN 1 ELSE failures + 1 END, last_failed_at = @now
            WHERE email_key = @key AND client_address = @address
            """;
        if (await connection.ExecuteAsync(increment, new { key, address, now, forgetBefore }) == 0)
        {
            try
            {
                await connection.ExecuteAsync("INSERT INTO login_failures (email_key, client_address, failures, last_failed_at) VALUES (@key, @address, 1, @now)",
                    new { key, address, now });
            }
            catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
            {
                await connection.ExecuteAsync(increment, new { key, address, now, forgetBefore }); // a parallel attempt inserted it first
            }
        }
        await connection.ExecuteAsync("DELETE FROM login_failures WHERE last_failed_at < @forgetBefore", new { forgetBefore });
    }

    private string DummyHash() => dummyHash ??= hashing.Hash(Guid.NewGuid().ToString());

    private static string? dummyHash;
}
