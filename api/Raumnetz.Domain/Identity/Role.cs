namespace Raumnetz.Domain.Identity;

/// <summary>What a user or API key may do. Viewers and analysts read; editors and coordinators write; admins also manage users and
/// keys.</summary>
public enum Role
{
    Viewer = 1,
    Analyst = 2,
    Editor = 3,
    Coordinator = 4,
    Admin = 5,
}
