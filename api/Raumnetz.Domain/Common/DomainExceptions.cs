namespace Raumnetz.Domain.Common;

/// <summary>
/// Base for rule violations that a client caused and can correct; mapped to problem+json by the API. Messages come
/// from the catalogue (<see cref="Text"/>) in the request's language.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The addressed resource does not exist (404).</summary>
public sealed class NotFoundException(string resource, object id)
    : DomainException(Text.Format(Messages.NotFound, Text.Resource(resource), id))
{
    public string Resource { get; } = resource;
    public object Id { get; } = id;
}

/// <summary>The request conflicts with the current state: duplicate code, still referenced (409).</summary>
public sealed class ConflictException(string message, string? field = null) : DomainException(message)
{
    public string? Field { get; } = field;
}

/// <summary>A change that needs If-Match came without it (428): the client must read the ETag first.</summary>
public sealed class PreconditionRequiredException(string message) : DomainException(message);

/// <summary>The If-Match version does not match the stored version (412).</summary>
public sealed class StaleVersionException(string resource, object id, long expected, long actual)
    : DomainException(Text.Format(Messages.StaleVersion, Text.Resource(resource), id, actual, expected))
{
    public long ActualVersion { get; } = actual;
}

/// <summary>The caller is authenticated but not allowed to do this (403).</summary>
public sealed class ForbiddenException(string message) : DomainException(message);

/// <summary>A rule about the request's content that only the data can decide (400 with a field).</summary>
public sealed class InvalidFieldException(string field, string message) : DomainException(message)
{
    public string Field { get; } = field;
}

/// <summary>Credentials were wrong or the account is inactive (401). Never says which.</summary>
public sealed class LoginFailedException() : DomainException(Messages.LoginFailed);

/// <summary>Too many failed attempts; try again later (429).</summary>
public sealed class TooManyAttemptsException(TimeSpan retryAfter)
    : DomainException(Text.Format(Messages.TooManyAttempts, Math.Ceiling(retryAfter.TotalMinutes)))
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>
/// The account signs in with a one-time password that an administrator set: until the user chooses a new one, the
/// session may only change the password, read the signed-in user and sign out (403, code <c>passwordChangeRequired</c>).
/// </summary>
public sealed class PasswordChangeRequiredException() : DomainException(Messages.PasswordChangeRequired);
