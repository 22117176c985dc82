using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Authorization;

/// <summary>
/// The one place where every write is authorized: before a command's unit of work opens, its rule
/// (<see cref="WriteRules"/>) is checked against the caller's global role and, for scoped commands, against the caller's
/// role grants, read afresh from the database (a changed grant holds at the next write). The target is looked up only
/// when the global role does not decide already. A command sent by the product itself (start-up, demo data: no request)
/// passes, and so does a command sent by the handler of an already authorized one. Refusals are 403 problems that say why.
/// </summary>
public sealed class WriteAuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user, GrantReads grants)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
{
    private static readonly AsyncLocal<bool> Authorized = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (user.IsSystem || Authorized.Value) return await next();
        var rule = WriteRules.For(typeof(TRequest))
            ?? throw new InvalidOperationException($"{typeof(TRequest).Name} has no authorization rule in WriteRules.");
        await AuthorizeAsync(rule, request, cancellationToken);
        Authorized.Value = true;
        try
        {
            return await next();
        }
        finally
        {
            Authorized.Value = false;
        }
    }

    private async Task AuthorizeAsync(WriteRule rule, TRequest request, CancellationToken ct)
    {
        var signedIn = user.UserId is not null || user.ApiKeyId is not null;
        switch (rule.Level)
        {
            case WriteLevel.System:
                throw new ForbiddenException(Messages.Grants_SystemOnly);
            case WriteLevel.Anyone:
                return;
            case WriteLevel.SignedIn:
                if (!signedIn) throw new ForbiddenException(Messages.Grants_SignInFirst);
                return;
            case WriteLevel.Admin:
                if (user.Role != Role.Admin) throw new ForbiddenException(Messages.Grants_AdminOnly);
                return;
            case WriteLevel.Writer:
                if (!RoleGrant.WritesEverywhere(user.Role)) throw new ForbiddenException(Messages.Grants_WriterOnly);
                return;
        }
        if (RoleGrant.WritesEverywhere(user.Role)) return;
        var held = signedIn ? await grants.OfAsync(user.UserId, user.ApiKeyId, ct) : [];
        if (held.Count == 0) throw new ForbiddenException(Messages.Grants_ReadOnly);
        var target = await rule.Target!(request!, grants, ct);
        if (target.Unplaced || target.IsEmpty) throw new ForbiddenException(Messages.Grants_OutsideScope);
        foreach (var network in target.Networks.Distinct())
            if (!held.Any(g => g.Scope == GrantScope.Network && g.TargetId == network))
                throw new ForbiddenException(Messages.Grants_OutsideScope);
        var spaceRoots = held.Where(g => g.Scope == GrantScope.Space).Select(g => g.TargetId).ToHashSet();
        foreach (var space in target.Spaces.Distinct())
        {
            if (spaceRoots.Count == 0 || !(await grants.AncestorsAndSelfAsync(space, ct)).Any(spaceRoots.Contains))
                throw new ForbiddenException(Messages.Grants_OutsideScope);
        }
    }
}
