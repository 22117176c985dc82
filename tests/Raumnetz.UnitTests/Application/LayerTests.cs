using Raumnetz.Application;

namespace Raumnetz.UnitTests.Application;

/// <summary>DESIGN.md: Application references no ASP.NET Core; HTTP concerns (bodies, headers, ETags) live in the Api layer.</summary>
public sealed class LayerTests
{
    [Fact]
    public void Application_references_no_ASP_NET_Core_assembly()
    {
        var references = typeof(DependencyInjection).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains("MediatR", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
