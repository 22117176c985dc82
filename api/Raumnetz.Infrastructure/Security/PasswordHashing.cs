using Microsoft.AspNetCore.Identity;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Security;

/// <summary>PBKDF2 (HMAC-SHA512, 100 000 iterations) through ASP.NET Core Identity's PasswordHasher.</summary>
public sealed class PasswordHashing : IPasswordHashing
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> hasher = new();

    public string Hash(string password) => hasher.HashPassword(User, password);

    public bool Verify(string hash, string password, out bool rehash)
    {
        var result = hasher.VerifyHashedPassword(User, hash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }
}
