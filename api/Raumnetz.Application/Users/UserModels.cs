using Raumnetz.Application.Authorization;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

public sealed record UserDto
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    public bool IsActive { get; init; }
    /// <summary>An administrator set a one-time password: the user must choose a new one at the next sign-in.</summary>
    public bool MustChangePassword { get; init; }
    /// <summary>Role grants scoped to networks and space subtrees, besides the global role.</summary>
    public IReadOnlyList<RoleGrantDto> Grants { get; init; } = [];
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
