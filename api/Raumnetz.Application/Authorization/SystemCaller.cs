using Raumnetz.Application.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Authorization;

/// <summary>
/// The caller where the host registers none (a tool or a test that sends commands directly): the product itself, for
/// which no rights are checked. The API registers its own <see cref="ICurrentUser"/> (the request's principal), which
/// replaces this one.
/// </summary>
public sealed class SystemCaller : ICurrentUser
{
    public Guid? UserId => null;
    public Guid? ApiKeyId => null;
    public Role? Role => null;
    public string Principal => "system";
    public bool IsSystem => true;
}
