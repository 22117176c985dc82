using System.Security.Cryptography;
using Dapper;
using MediatR;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Privacy;

/// <summary>
/// Erases a user account (GDPR Art. 17): name and e-mail address are replaced, the account is deactivated with a password
/// no one knows, its sessions end and lose browser and address, its failed sign-ins are forgotten, and the erased values
/// are removed from the audit trail. The account's row stays, so the audit trail still tells its entries apart.
/// Not one's own account, not the last active administrator. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record EraseUserCommand(Guid Id, long? ExpectedVersion) : ICommand<ErasureResult>;

public sealed class EraseUserHandler(IUnitOfWork unitOfWork, IPasswordHashing hashing, ICurrentUser currentUser, TimeProvider clock)
    : IRequestHandler<EraseUserCommand, ErasureResult>
{
    private sealed class AccountRow
    {
        public string Email { get; init; } = "";
        public string EmailKey { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public Role Role { get; init; }
        public bool IsActive { get; init; }
        public DateTimeOffset? ErasedAt { get; init; }
    }

    public async Task<ErasureResult> Handle(EraseUserCommand request, CancellationToken cancellationToken)
    {
        if (currentUser.UserId == request.Id) throw new ConflictException(Messages.Privacy_OwnAccount);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "users", "User", request.Id, request.ExpectedVersion);
        var account = await connection.QuerySingleAsync<AccountRow>(new CommandDefinition(
            "SELECT email, email_key, display_name, role, is_active, erased_at FROM users WHERE id = @Id", new { request.Id }, tx,
            cancellationToken: cancellationToken));
        if (account.ErasedAt is not null) throw new ConflictException(Messages.Privacy_AlreadyErased);
        if (account.Role == Role.Admin && account.IsActive)
            await Users.UserReads.EnsureAnotherAdministratorAsync(connection, tx, unitOfWork.Dialect, request.Id, "id", cancellationToken);

        var now = clock.GetUtcNow();
        var suffix = request.Id.ToString("N");
        var name = Text.Format(Messages.Privacy_ErasedUserName, suffix[^6..]);
        var email = $"erased-{suffix}@erased.invalid";
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET display_name = @name, email = @email, email_key = @email, is_active = @inactive, password_hash = @hash,
                must_change_password = @inactive, erased_at = @now, version = version + 1, updated_at = @now
            WHERE id = @Id AND version = @version
            """, new
            {
                request.Id, name, email, inactive = false, hash = hashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                now, version,
            }, tx, cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "User", request.Id, version);
        await UserSessions.RevokeAllAsync(connection, tx, request.Id, now, cancellationToken);
        await ApiKeys.AdminKeyStanding.RevokeKeysOfUserAsync(connection, tx, request.Id, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sessions SET user_agent = NULL, address = NULL WHERE user_id = @Id", new { request.Id }, tx,
                cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM login_failures WHERE email_key = @EmailKey", new { account.EmailKey }, tx, cancellationToken: cancellationToken));
        var scrubbed = await PrivacyTexts.ScrubAuditAsync(connection, tx, unitOfWork.Dialect, [request.Id.ToString()],
            [account.DisplayName, account.Email], cancellationToken, request.Id.ToString(), ["displayName", "email"]);
        await PrivacyTexts.DropCachedResponsesAsync(connection, tx, [account.Email], cancellationToken);
        var forReview = await PrivacyTexts.FindMentionsAsync(connection, tx, account.DisplayName, null, cancellationToken);
        return new ErasureResult { Id = request.Id, Name = name, ErasedAt = now, AuditEntriesScrubbed = scrubbed, ForReview = forReview };
    }
}
