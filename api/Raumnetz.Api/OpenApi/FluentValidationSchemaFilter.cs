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
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator) return;
        var descriptor = validator.CreateDescriptor();
        foreach (var (name, propertySchema) in target.Properties)
        {
            if (propertySchema is not OpenApiSchema listOrValue) continue;
            var member = char.ToUpperInvariant(name[0]) + name[1..];
            foreach (var rule in descriptor.GetRulesForMember(member))
            {
                // RuleForEach: the limits apply to the items of the list, not to the list.
                var isEachRule = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                if ((isEachRule ? listOrValue.Items : listOrValue) is not OpenApiSchema property) continue;
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
                            if (!isEachRule)
                            {
                                target.Required ??= new HashSet<string>();
                                target.Required.Add(name);
                            }
                            if (component.Validator is INotEmptyValidator && property.Type?.HasFlag(JsonSchemaType.String) == true) property.MinLength ??= 1;
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
}
