using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Raumnetz.Api.OpenApi;

/// <summary>
/// The longest accepted entry of a repeated query parameter (?periods=2023&amp;periods=2024), published as the items'
/// maxLength ([MaxLength] on the parameter gives the list's maxItems). The request's validator enforces both.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>Writes <see cref="ItemMaxLengthAttribute"/> into the parameter's items schema.</summary>
public sealed class ItemMaxLengthParameterFilter : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        var attribute = context.ParameterInfo?.GetCustomAttributes(typeof(ItemMaxLengthAttribute), false).OfType<ItemMaxLengthAttribute>()
            .FirstOrDefault();
        if (attribute is null || parameter.Schema is not OpenApiSchema { Items: OpenApiSchema items }) return;
        items.MaxLength = attribute.Length;
    }
}
