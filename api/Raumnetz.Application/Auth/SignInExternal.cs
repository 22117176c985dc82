using System.Security.Cryptography;
using Dapper;
using MediatR;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Auth;

/// <summary>
/// Signs in a person the municipality's identity provider vouched for (OpenID Connect; the token is validated at the edge).
/// The account is found by the provider's subject, else by the e-mail address (and then linked to the subject); when there
/// is none, one is created if the claim mapping gave a role. When the mapping rules matched, the account's role and
/// grants follow them at every sign-in (a new role ends its other sessions); when none matched, an existing account keeps
/// what an administrator gave it. Provisioned accounts get an unusable password: they sign in through the provider only.
/// </summary>
public sealed record SignInExternalCommand : ICommand<ExternalSignInResult>
{
    /// <summary>The provider's subject ('sub').</summary>
    public string Subject { get; init; } = "";
    public string? Email { get; init; }
    public string? DisplayName { get; init; }
    /// <summary>The role the mapping rules gave (the highest of the matching rules), or null when none matched.</summary>
    public Role? MappedRole { get; init; }
    /// <summary>The grants of the matching rules (only applied when <see cref="MappedRole"/> is set).</summary>
    public IReadOnlyList<RoleGrantInput> MappedGrants { get; init; } = [];
}

/// <summary>The outcome: the signed-in user, or why there is none.</summary>
public sealed record ExternalSignInResult
{
    public CurrentUserDto? User { get; init; }
    public ExternalSignInRefusal? Refusal { get; init; }
}

public enum ExternalSignInRefusal
{
    /// <summary>No account, and no rule gave a role to create one with.</summary>
    NoAccount = 1,
    /// <summary>The account is deactivated.</summary>
    Inactive = 2,
    /// <summary>No account for the subject, and no e-mail address to find or create one by.</summary>
    NoEmail = 3,
}

public sealed class SignInExternalHandler(IUnitOfWork unitOfWork, IPasswordHashing hashing, TimeProvider clock)
    : IRequestHandler<SignInExternalCommand, ExternalSignInResult>
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Role Role { get; init; }
        public bool IsActive { get; init; }
        public string? ExternalSubject { get; init; }
    }

    public async Task<ExternalSignInResult> Handle(SignInExternalCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // a rule naming a network or space that no longer exists grants nothing (rather than failing the sign-in)
        var mappedGrants = await GrantReads.ExistingAsync(connection, tx, request.MappedGrants, cancellationToken);
        const string columns = "id, role, is_active, external_subject";
        var user = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {columns} FROM users WHERE external_subject = @Subject", new { request.Subject }, tx,
            cancellationToken: cancellationToken));
        var emailKey = request.Email?.Trim().ToLowerInvariant();
        if (user is null && string.IsNullOrEmpty(emailKey)) return new ExternalSignInResult { Refusal = ExternalSignInRefusal.NoEmail };
        if (user is null)
        {
            user = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                $"SELECT {columns} FROM users WHERE email_key = @emailKey", new { emailKey }, tx, cancellationToken: cancellationToken));
            // an account already linked to another subject is not taken over by a second one with the same address
            if (user is { ExternalSubject: not null }) return new ExternalSignInResult { Refusal = ExternalSignInRefusal.NoAccount };
            if (user is not null)
                await connection.ExecuteAsync(new CommandDefinition("UPDATE users SET external_subject = @Subject WHERE id = @Id",
                    new { request.Subject, user.Id }, tx, cancellationToken: cancellationToken));
        }
        if (user is null)
        {
            if (request.MappedRole is not { } role) return new ExternalSignInResult { Refusal = ExternalSignInRefusal.NoAccount };
            var id = Guid.CreateVersion7();
            var email = request.Email!.Trim();
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO users (id, email, email_key, display_name, role, password_hash, is_active, must_change_password, version, created_at,
                    updated_at, external_subject)
                VALUES (@id, @email, @emailKey, @displayName, @role, @hash, @active, @mustChange, 1, @now, @now, @Subject)
                """, new
                {
                    id, email, emailKey,
                    displayName = Cut(string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim()),
                    role = role.ToString(), hash = hashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))), active = true,
                    mustChange = false, now, request.Subject,
                }, tx, cancellationToken: cancellationToken));
            await GrantReads.ReplaceAsync(connection, tx, id, null, mappedGrants, now, cancellationToken);
            return new ExternalSignInResult { User = await LoadAsync(connection, tx, id, cancellationToken) };
        }
        if (!user.IsActive) return new ExternalSignInResult { Refusal = ExternalSignInRefusal.Inactive };
        if (request.MappedRole is { } mapped)
        {
            if (mapped != user.Role)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE users SET role = @role, version = version + 1, updated_at = @now WHERE id = @Id",
                    new { role = mapped.ToString(), now, user.Id }, tx, cancellationToken: cancellationToken));
                await UserSessions.RevokeAllAsync(connection, tx, user.Id, now, cancellationToken);
                if (mapped != Role.Admin)
                    await ApiKeys.AdminKeyStanding.RevokeKeysOfUserAsync(connection, tx, user.Id, now, cancellationToken);
            }
            await GrantReads.ReplaceAsync(connection, tx, user.Id, null, mappedGrants, now, cancellationToken);
        }
        return new ExternalSignInResult { User = await LoadAsync(connection, tx, user.Id, cancellationToken) };
    }

    private static async Task<CurrentUserDto> LoadAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction tx, Guid id, CancellationToken ct)
    {
        var user = await connection.QuerySingleAsync<CurrentUserDto>(new CommandDefinition(
            "SELECT id, email, display_name, role, must_change_password FROM users WHERE id = @id", new { id }, tx, cancellationToken: ct));
        return user with { Grants = await GrantReads.LoadAsync(connection, tx, id, null, ct) };
    }

    private static string Cut(string text) => text.Length <= Limits.Name ? text : text[..Limits.Name];
}
