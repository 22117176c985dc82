using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Auth;

/// <summary>The signed-in user as the SPA sees it.</summary>
public sealed record CurrentUserDto
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
}
