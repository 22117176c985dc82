using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

/// <summary>
/// On first start (no user at all) creates the administrator from configuration, or with a generated password.
/// Returns the generated password so the host can print it once; null when nothing was created or the password was given.
/// </summary>
public sealed record EnsureAdministratorCommand(string Email, string? Password) : ICommand<EnsureAdministratorResult>;

public sealed record EnsureAdministratorResult(bool Created, string? GeneratedPassword);

public sealed class EnsureAdministratorHandler(IUnitOfWork unitOfWork, IMediator mediator)
    : IRequestHandler<EnsureAdministratorCommand, EnsureAdministratorResult>
{
    public async Task<EnsureAdministratorResult> Handle(EnsureAdministratorCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users", transaction: tx) > 0) return new(false, null);
        var generated = string.IsNullOrEmpty(request.Password) ? ApiKeySecrets.NewKey()[ApiKeySecrets.Prefix.Length..][..20] : null;
        // A command sent from a command joins its transaction: the count and the insert are one unit.
        // The configured password is the operator's choice (Raumnetz__Admin__Password): the password rules apply to every
        // password set through the API, not to this one.
        await mediator.Send(new CreateUserCommand(request.Email, "Administration", Role.Admin, request.Password ?? generated!)
            { FromConfiguration = true }, cancellationToken);
        return new(true, generated);
    }
}
