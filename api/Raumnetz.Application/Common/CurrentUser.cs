using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Common;

/// <summary>Who sends the current request: a signed-in user or an API key.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }
    Guid? ApiKeyId { get; }
    Role? Role { get; }
    /// <summary>Stable identifier of the principal, for audit columns and idempotency records.</summary>
    string Principal { get; }
    /// <summary>No request is behind the work (start-up, demo data): the product itself acts, so no rights are checked.</summary>
    bool IsSystem { get; }
}
