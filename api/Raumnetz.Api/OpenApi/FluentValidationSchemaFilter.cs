using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Raumnetz.Application.Common;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.OpenApi;

/// <summary>
/// Publishes the validators' limits in the document, so the contract and the checks cannot drift:
/// maximum/minimum length, required, numeric ranges, patterns and list sizes (maxItems).
/// </summary>
public sealed class FluentValidationSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null || target.Properties.Count == 0) return;
        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>)
                .MakeGenericType(ValidatedType(context.Type))) is not IValidator validator) return;
        var descriptor = validator.CreateDescriptor();
        foreach (var (name, propertySchema) in target.Properties)
        {
            if (propertySchema is not OpenApiSchema property) continue;
            var member = char.ToUpperInvariant(name[0]) + name[1..];
            foreach (var rule in descriptor.GetRulesForMember(member))
            {
                // RuleForEach checks the entries of a list: its limits belong to "items", not to the list.
                if (IsCollectionRule(rule))
                {
                    if (property.Items is OpenApiSchema items) ApplyToItems(rule, items);
                    continue;
                }
                foreach (var component in rule.Components)
                {
                    if (component.HasCondition || component.HasAsyncCondition) continue;
                    switch (component.Validator)
                    {
                        case ILengthValidator length:
                            if (length.Max > 0) property.MaxLength = length.Max;
                            if (length.Min > 0) property.MinLength = length.Min;
                            break;
                        case INotEmptyValidator or INotNullValidator:
                            target.Required ??= new HashSet<string>();
                            target.Required.Add(name);
                            if (component.Validator is INotEmptyValidator
                                && property.Type?.HasFlag(JsonSchemaType.String) == true) property.MinLength ??= 1;
                            break;
                        case IBetweenValidator between:
                            property.Minimum = Convert.ToString(between.From, System.Globalization.CultureInfo.InvariantCulture);
                            property.Maximum = Convert.ToString(between.To, System.Globalization.CultureInfo.InvariantCulture);
                            break;
                        case IRegularExpressionValidator regex:
                            property.Pattern = regex.Expression;
                            break;
                        case IMaxItemsValidator items:
                            property.MaxItems = items.MaxItems;
                            break;
                    }
                }
            }
        }
    }

    /// <summary>The type whose validators check <paramref name="type"/>: the command of a request body (<see
    /// cref="Http.IBodyOf{TCommand}"/>), else the type itself.</summary>
    private static Type ValidatedType(Type type) =>
        type.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Http.IBodyOf<>))?.GetGenericArguments()[0]
            ?? type;

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static void ApplyToItems(IValidationRule rule, OpenApiSchema items)
    {
        foreach (var component in rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
        {
            switch (component.Validator)
            {
                case ILengthValidator length:
                    if (length.Max > 0) items.MaxLength = length.Max;
                    if (length.Min > 0) items.MinLength = length.Min;
                    break;
                case INotEmptyValidator when items.Type?.HasFlag(JsonSchemaType.String) == true:
                    items.MinLength ??= 1;
                    break;
                case IRegularExpressionValidator regex:
                    items.Pattern = regex.Expression;
                    break;
            }
        }
    }
}
