using System.Security.Cryptography;
using System.Text;

namespace Raumnetz.Application.Common;

/// <summary>Password hashing (implemented with ASP.NET Core's PasswordHasher in Infrastructure).</summary>
public interface IPasswordHashing
{
    string Hash(string password);
    /// <summary>Whether the password matches; <paramref name="rehash"/> is true when the hash should be upgraded.</summary>
    bool Verify(string hash, string password, out bool rehash);
}

/// <summary>API keys: random, shown once, stored only as SHA-256 (they have 256 bits of entropy, so a fast hash is right).</summary>
public static class ApiKeySecrets
{
    public const string Prefix = "rnz_";

    public static string NewKey() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-')
        .Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The visible start of a key, so people can tell keys apart in a list.</summary>
    public static string Display(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)];
}
