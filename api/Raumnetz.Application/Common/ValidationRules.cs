using Raumnetz.Domain.Common;
using FluentValidation;
using FluentValidation.Validators;

namespace Raumnetz.Application.Common;

/// <summary>Marks a list-size rule so the OpenAPI document can publish it as maxItems.</summary>
public interface IMaxItemsValidator
{
    int MaxItems { get; }
}

public sealed class MaxItemsValidator<T, TItem>(int max) : PropertyValidator<T, IReadOnlyCollection<TItem>?>, IMaxItemsValidator
{
    public int MaxItems => max;
    public override string Name => "MaxItemsValidator";

    public override bool IsValid(ValidationContext<T> context, IReadOnlyCollection<TItem>? value)
    {
        if (value is null || value.Count <= max) return true;
        context.MessageFormatter.AppendArgument("MaxItems", max);
        return false;
    }

    protected override string GetDefaultMessageTemplate(string errorCode)
        => Messages.Rule_MaxItems;
}

public static class ValidationRules
{
    public static IRuleBuilderOptions<T, IReadOnlyCollection<TItem>?> MaxItems<T, TItem>(
        this IRuleBuilder<T, IReadOnlyCollection<TItem>?> rule, int max)
        => rule.SetValidator(new MaxItemsValidator<T, TItem>(max));

    /// <summary>Messages name fields as the API does: camelCase ("'parentId' must not be empty").</summary>
    public static void UseCamelCaseNames() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, expression) =>
            member is not null ? char.ToLowerInvariant(member.Name[0]) + member.Name[1..] : null;

    /// <summary>Required text up to <paramref name="max"/> characters that is not only white space.</summary>
    public static IRuleBuilderOptions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, int max)
        => rule.NotEmpty().MaximumLength(max); // NotEmpty also refuses white space only

    /// <summary>A code: letters, digits, dot, dash, underscore; no spaces.</summary>
    public static IRuleBuilderOptions<T, string> Code<T>(this IRuleBuilder<T, string> rule)
        => rule.NotEmpty().MaximumLength(Limits.Code).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage(_ => Messages.Rule_Code);

    public static IRuleBuilderOptions<T, string?> OptionalUrl<T>(this IRuleBuilder<T, string?> rule)
        => rule.MaximumLength(Limits.Url)
            .Must(v => string.IsNullOrEmpty(v)
                || (Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)))
            .WithMessage(_ => Messages.Rule_Url);

    public static IRuleBuilderOptions<T, TEnum> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule) where TEnum : struct, Enum
        => rule.Must(v => Enum.IsDefined(v)).WithMessage(_ => Messages.Rule_UnknownEnum);

    public static IRuleBuilderOptions<T, TEnum?> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum
        => rule.Must(v => v is null || Enum.IsDefined(v.Value)).WithMessage(_ => Messages.Rule_UnknownEnum);
}
