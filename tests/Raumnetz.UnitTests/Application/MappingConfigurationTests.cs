using AutoMapper;
using Raumnetz.Application;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.UnitTests.Application;

public sealed class MappingConfigurationTests
{
    [Fact]
    public void Configuration_is_valid()
    {
        MappingConfiguration.Create().AssertConfigurationIsValid();
    }

    [Fact]
    public void Maps_a_space_row_with_its_geometry()
    {
        var mapper = MappingConfiguration.Create().CreateMapper();
        var row = new SpaceRow
        {
            Id = Guid.CreateVersion7(), Code = "12069", Name = "Potsdam-Mittelmark", SearchKey = "potsdam-mittelmark",
            Level = SpaceLevel.County,
            Population = 220000, Geometry = """{"type":"Polygon","coordinates":[]}""", ValidFrom = new DateOnly(2020, 1, 1), Version = 3,
            ChildCount = 2,
        };

        var dto = mapper.Map<SpaceDto>(row);
        var node = SpaceTreeNode.From(row);

        Assert.Equal(row.Id, dto.Id);
        Assert.Equal(SpaceLevel.County, dto.Level);
        Assert.Equal("Polygon", dto.Geometry?.GetProperty("type").GetString());
        Assert.Equal(3, dto.Version);
        Assert.Equal(2, dto.ChildCount);
        Assert.Empty(dto.PredecessorIds);
        Assert.Null(mapper.Map<SpaceDto>(new SpaceRow { Code = "X", Name = "X", SearchKey = "x" }).Geometry);
        Assert.Equal("12069", node.Code);
        Assert.Empty(node.Children);
    }
}
