using Raumnetz.Application.Authorization;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Auth;

/// <summary>The signed-in user as the SPA sees it.</summary>
public sealed record CurrentUserDto
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    /// <summary>
    /// The account signed in with a one-time password set by an administrator: until it is changed
    /// (<c>POST /api/v1/auth/password</c>) every other operation but /auth/me and sign-out is refused with 403
    /// (code <c>passwordChangeRequired</c>).
    /// </summary>
    public bool MustChangePassword { get; init; }
    /// <summary>
    /// Role grants scoped to networks and space subtrees, besides the global role: within them the user (or key) writes
    /// even with a reading global role. The web app hides and explains what lies outside.
    /// </summary>
    public IReadOnlyList<RoleGrantDto> Grants { get; init; } = [];
}
