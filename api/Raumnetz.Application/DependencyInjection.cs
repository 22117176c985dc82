using AutoMapper;
using AutoMapper.Internal;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Raumnetz.Application.Common;

namespace Raumnetz.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 has no DI package: register the service factory, the mediator, every handler of this assembly
    /// and the pipeline behaviours (outermost first: logging, validation, write authorization, unit of work), and each area's read class.
    /// Validators and AutoMapper profiles come from their own packages.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        ValidationRules.UseCamelCaseNames();
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        // commands only (type constraint): every write is authorized (Authorization/WriteRules) before its unit of work opens
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(Authorization.WriteAuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>)); // commands only (type constraint)
        // Who sends a request: the host (the API) registers its own after this; without one (tools, tests that send
        // commands directly) the product itself acts, and no rights are checked (Authorization/SystemCaller).
        services.TryAddScoped<ICurrentUser, Authorization.SystemCaller>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddScoped<Audit.AuditTrail>();
        services.AddTransient<IPipelineBehavior<Auth.LoginCommand, Auth.LoginResult>, Audit.SignInAuditBehaviour>();

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var iface in type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
                services.AddTransient(iface, type);
            // Each area's read class (SpaceReads, ActorReads, ...): the loads its use cases share.
            if (type.Name.EndsWith("Reads", StringComparison.Ordinal)) services.AddTransient(type);
        }

        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Transient);
        services.AddAutoMapper(MappingConfiguration.Configure, assembly);
        return services;
    }
}

public static class MappingConfiguration
{
    /// <summary>
    /// The deepest object graph any map may walk. Our maps copy flat rows into flat records; the limit makes
    /// AutoMapper 14's advisory GHSA-rvv3-g6hj-g44x (unbounded recursion on self-referential types) unreachable
    /// even if a self-referential map were added (a unit test also forbids those).
    /// </summary>
    public const int MaxDepth = 2;

    /// <summary>Settings every map shares, applied by the DI registration and by <see cref="Create"/>.</summary>
    public static void Configure(IMapperConfigurationExpression cfg) =>
        cfg.Internal().ForAllMaps((_, map) => map.MaxDepth(MaxDepth));

    /// <summary>The same configuration outside DI (tests).</summary>
    public static MapperConfiguration Create() =>
        new(cfg =>
        {
            Configure(cfg);
            cfg.AddMaps(typeof(MappingConfiguration).Assembly);
        });
}
