using System.Reflection;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Users;

/// <summary>
/// What a new password must satisfy besides its length (at least <see cref="Common.Limits.MinPassword"/> characters, checked
/// by the validators): it must not contain the local part of the account's e-mail address (compared without case; local
/// parts shorter than three characters are not checked) and must not be one of the common passwords shipped with the
/// product (<c>common-passwords.txt</c>: the 5,000 most frequent passwords of zxcvbn 4.4.2, compared without case).
/// </summary>
public static class PasswordRules
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    /// <summary>How many common passwords are known (for tests and the README).</summary>
    public static int CommonCount => CommonPasswords.Value.Count;

    /// <summary>Whether the password is one of the common passwords (without case).</summary>
    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password.Trim());

    /// <summary>Refuses a password that breaks a rule with 400 naming <paramref name="field"/>.</summary>
    public static void Check(string password, string email, string field)
    {
        var local = email.Split('@')[0].Trim();
        if (local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            throw new InvalidFieldException(field, Messages.Password_ContainsEmailLocalPart);
        if (IsCommon(password))
            throw new InvalidFieldException(field, Messages.Password_Common);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Raumnetz.Application.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word) set.Add(word);
        return set;
    }
}
