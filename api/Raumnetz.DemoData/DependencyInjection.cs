using Microsoft.Extensions.DependencyInjection;

namespace Raumnetz.DemoData;

public static class DependencyInjection
{
    /// <summary>The demo data seeders; the host runs <see cref="DemoDataSeeder"/> at start-up when Raumnetz:DemoData is on.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddTransient<DemoDataSeeder>();
        services.AddTransient<DemoNetworksSeeder>();
        services.AddTransient<DemoInventorySeeder>();
        return services;
    }
}
