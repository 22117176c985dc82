using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

/// <summary>
/// Replaces an account's name, role and, when given, its scoped grants (admins only; <see cref="ExpectedVersion"/> from
/// If-Match). A new role ends the account's sessions at once, in the same transaction; the last active administrator cannot
/// be demoted (409). Grants need no new session: every write reads them afresh.
/// </summary>
public sealed record UpdateUserCommand : ICommand<UserDto>
{
    public Guid Id { get; init; }
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    /// <summary>The account's grants, replacing the ones it has; null leaves them as they are.</summary>
    public IReadOnlyList<RoleGrantInput>? Grants { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.DisplayName).RequiredText(Limits.Name);
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Grants).Must(g => g is null || g.Count <= RoleGrantRules.MaxGrants)
            .WithMessage(_ => Text.Format(Messages.Grants_TooMany, RoleGrantRules.MaxGrants));
        RuleForEach(x => x.Grants).SetValidator(new RoleGrantInputValidator());
    }
}

public sealed class UpdateUserHandler(IUnitOfWork unitOfWork, UserReads reads, TimeProvider clock)
    : IRequestHandler<UpdateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateUserCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "users", "User", request.Id, request.ExpectedVersion);
        var user = (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
        var now = clock.GetUtcNow();
        if (user.Role == Role.Admin && request.Role != Role.Admin && user.IsActive)
            await UserReads.EnsureAnotherAdministratorAsync(connection, tx, unitOfWork.Dialect, request.Id, "role", cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET display_name = @displayName, role = @role, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, new { id = request.Id, displayName = request.DisplayName.Trim(), role = request.Role.ToString(), now, version }, tx,
            cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "User", request.Id, version);
        if (request.Grants is { } grants) await GrantReads.ReplaceAsync(connection, tx, request.Id, null, grants, now, cancellationToken);
        if (user.Role != request.Role) await UserSessions.RevokeAllAsync(connection, tx, request.Id, now, cancellationToken);
        if (request.Role != Role.Admin) await AdminKeyStanding.RevokeKeysOfUserAsync(connection, tx, request.Id, now, cancellationToken);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
