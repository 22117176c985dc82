using Raumnetz.Application.Authorization;
using Raumnetz.Application.Common;

namespace Raumnetz.IntegrationTests.Grants;

/// <summary>Every command has an authorization rule: a new command without one fails here (and would be refused at run time).</summary>
public sealed class WriteRulesGuardTests
{
    [Fact]
    public void Every_command_type_has_a_write_rule()
    {
        var commands = typeof(ICommand<>).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false }
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .ToList();
        Assert.True(commands.Count > 50, $"Only {commands.Count} commands found: the walk is broken.");
        var missing = commands.Where(t => WriteRules.For(t) is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "Commands without a rule in WriteRules: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_scoped_rule_can_find_its_target_and_no_rule_names_a_type_that_is_no_command()
    {
        foreach (var (type, rule) in WriteRules.All)
        {
            Assert.True(type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)), type.Name);
            Assert.Equal(rule.Level == WriteLevel.Scoped, rule.Target is not null);
        }
    }
}
