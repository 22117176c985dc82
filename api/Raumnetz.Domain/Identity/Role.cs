namespace Raumnetz.Domain.Identity;

/// <summary>What a user or API key may do. Viewers and analysts read; editors and coordinators write; admins also manage users and keys.</summary>
public enum Role
{
    Viewer = 1,
    Analyst = 2,
    Editor = 3,
    Coordinator = 4,
    Admin = 5,
}

public static class RoleRules
{
    public static bool CanWrite(Role role) => role is Role.Editor or Role.Coordinator or Role.Admin;
    public static bool CanAdminister(Role role) => role is Role.Admin;
}
