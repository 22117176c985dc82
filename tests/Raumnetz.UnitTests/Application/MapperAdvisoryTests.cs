using System.Reflection;
using AutoMapper;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application;

namespace Raumnetz.UnitTests.Application;

/// <summary>
/// AutoMapper 14.0.0 carries GHSA-rvv3-g6hj-g44x / CVE-2026-32933: mapping self-referential types can recurse without
/// bound. The product stays out of its reach by two rules that these tests hold: no map has a source or destination
/// type that can reach itself through its properties, and every map has a MaxDepth. They read the configuration the
/// application registers, so a new profile that breaks either rule fails here.
/// </summary>
public sealed class MapperAdvisoryTests
{
    private static IConfigurationProvider Registered() =>
        new ServiceCollection().AddLogging().AddApplication().BuildServiceProvider().GetRequiredService<IConfigurationProvider>();

    [Fact]
    public void Registered_configuration_has_maps_to_check()
    {
        Assert.NotEmpty(Registered().Internal().GetAllTypeMaps());
    }

    [Fact]
    public void No_map_involves_a_self_referential_type()
    {
        var offenders = Registered().Internal().GetAllTypeMaps()
            .SelectMany(m => new[] { m.SourceType, m.DestinationType })
            .Distinct()
            .Where(ReachesItself)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_map_has_a_max_depth()
    {
        var unbounded = Registered().Internal().GetAllTypeMaps()
            .Where(m => m.MaxDepth is <= 0 or > MappingConfiguration.MaxDepth)
            .Select(m => $"{m.SourceType.Name} -> {m.DestinationType.Name}: {m.MaxDepth}")
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public void The_walker_finds_self_reference_through_a_collection()
    {
        Assert.True(ReachesItself(typeof(Node)));
        Assert.True(ReachesItself(typeof(Indirect)));
        Assert.False(ReachesItself(typeof(Leaf)));
    }

    /// <summary>True when <paramref name="root"/> is reachable from its own properties (directly, through other types, or as an element
    /// type).</summary>
    private static bool ReachesItself(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(PropertyTypes(root));
        while (pending.TryPop(out var type))
        {
            if (type == root) return true;
            if (!seen.Add(type) || !IsOurs(type)) continue;
            foreach (var next in PropertyTypes(type)) pending.Push(next);
        }
        return false;
    }

    private static IEnumerable<Type> PropertyTypes(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).SelectMany(p => Unwrap(p.PropertyType));

    /// <summary>The type itself plus its element and generic argument types (lists, dictionaries, nullables, arrays).</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        yield return type;
        if (type.IsArray) foreach (var t in Unwrap(type.GetElementType()!)) yield return t;
        if (type.IsGenericType)
            foreach (var argument in type.GetGenericArguments())
                foreach (var t in Unwrap(argument)) yield return t;
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Raumnetz", StringComparison.Ordinal) == true;

    private sealed record Node(List<Node> Children);
    private sealed record Indirect(Leaf Leaf, IReadOnlyList<Wrapper> Items);
    private sealed record Wrapper(Indirect? Back);
    private sealed record Leaf(string Name);
}
