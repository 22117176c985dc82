using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Authorization;

/// <summary>A role grant as the API shows it: the role, the scope, the network or space it reaches and that one's name.</summary>
public sealed record RoleGrantDto
{
    /// <summary>editor or coordinator; within the scope both write.</summary>
    public Role Role { get; init; }
    public GrantScope Scope { get; init; }
    /// <summary>The network (scope network) or the root of the space subtree (scope space).</summary>
    public Guid TargetId { get; init; }
    /// <summary>The network's or space's name; null when it no longer exists (the grant then reaches nothing).</summary>
    public string? TargetName { get; init; }
}

/// <summary>A role grant as an administrator sets it (on a user or an API key).</summary>
public sealed record RoleGrantInput
{
    /// <summary>editor or coordinator.</summary>
    public Role Role { get; init; }
    public GrantScope Scope { get; init; }
    public Guid TargetId { get; init; }
}

public sealed class RoleGrantInputValidator : AbstractValidator<RoleGrantInput>
{
    public RoleGrantInputValidator()
    {
        RuleFor(x => x.Role).Must(RoleGrant.IsGrantable).WithMessage(_ => Messages.Grants_RoleNotGrantable);
        RuleFor(x => x.Scope).DefinedEnum();
        RuleFor(x => x.TargetId).NotEmpty();
    }
}

public static class RoleGrantRules
{
    /// <summary>At most this many grants per user or API key.</summary>
    public const int MaxGrants = 100;
}
