using Raumnetz.Application;

namespace Raumnetz.UnitTests.Networks;

public sealed class MappingConfigurationTests
{
    /// <summary>Every AutoMapper map (networks, members, meetings, tasks and the rest) maps every destination member.</summary>
    [Fact]
    public void Mapping_configuration_is_valid() => MappingConfiguration.Create().AssertConfigurationIsValid();
}
