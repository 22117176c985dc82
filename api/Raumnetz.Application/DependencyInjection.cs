using System.Reflection;
using AutoMapper;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;

namespace Raumnetz.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 has no DI package: register the service factory, the mediator, every handler of this
    /// assembly and the pipeline behaviours (outermost first). Validators and AutoMapper profiles are found the same way.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        ValidationRules.UseCamelCaseNames();
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = iface.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                    services.AddTransient(iface, type);
            }
        }

        services.AddSingleton(MappingConfiguration.Create());
        services.AddSingleton<IMapper>(sp => sp.GetRequiredService<MapperConfiguration>().CreateMapper());
        return services;
    }
}

public static class MappingConfiguration
{
    /// <summary>
    /// One configuration from every profile in the application assembly. Mapping from methods is off: AutoMapper 8
    /// (the only version that restores here) scans System.Linq's extension methods for that and trips over .NET 10's
    /// new generic constraints; our maps only use properties.
    /// </summary>
    public static MapperConfiguration Create() =>
        new(cfg =>
        {
            ClearSourceExtensionMethods(cfg);
            foreach (var type in typeof(MappingConfiguration).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Profile)) && !t.IsAbstract))
            {
                var profile = (Profile)Activator.CreateInstance(type)!;
                ClearSourceExtensionMethods(profile);
                cfg.AddProfile(profile);
            }
        });

    /// <summary>AutoMapper 8 has no switch for this; the list of extension-method sources is a private field of Profile.</summary>
    private static void ClearSourceExtensionMethods(object profile)
    {
        for (var t = profile.GetType(); t is not null; t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(f => typeof(ICollection<MethodInfo>).IsAssignableFrom(f.FieldType)))
                (field.GetValue(profile) as ICollection<MethodInfo>)?.Clear();
    }
}
