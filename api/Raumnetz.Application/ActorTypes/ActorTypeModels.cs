using FluentValidation;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.ActorTypes;

/// <summary>An entry of the editable list of actor types (public authority, job centre, youth office, ...).</summary>
public sealed record ActorTypeDto
{
    /// <summary>Stable code that actors refer to; cannot be changed.</summary>
    public string Code { get; init; } = "";
    public string NameDe { get; init; } = "";
    public string NameEn { get; init; } = "";
    public long Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The names of an actor type, shared by create and update.</summary>
public abstract record ActorTypeFields
{
    /// <summary>German name, shown by default.</summary>
    public string NameDe { get; init; } = "";
    /// <summary>English name.</summary>
    public string NameEn { get; init; } = "";
}

public abstract class ActorTypeFieldsValidator<T> : AbstractValidator<T> where T : ActorTypeFields
{
    protected ActorTypeFieldsValidator()
    {
        RuleFor(x => x.NameDe).RequiredText(Limits.Name);
        RuleFor(x => x.NameEn).RequiredText(Limits.Name);
    }
}
