using System.Security.Claims;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Api.Security;

public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;
    private bool IsApiKey => User?.FindFirstValue(AuthSchemes.AuthMethodClaim) == AuthSchemes.ApiKey;
    private Guid? Id => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? UserId => IsApiKey ? null : Id;
    public Guid? ApiKeyId => IsApiKey ? Id : null;
    public Role? Role => Enum.TryParse<Role>(User?.FindFirstValue(ClaimTypes.Role), out var r) ? r : null;
    public bool IsSystem => accessor.HttpContext is null;
    /// <summary>"user:…" or "key:…" for a request's caller; "system" outside a request (start-up, demo data, retention).</summary>
    public string Principal => Id is { } id ? (IsApiKey ? "key:" : "user:") + id : IsSystem ? "system" : "anonymous";
}
