using Raumnetz.Application;
using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Actors;
using Raumnetz.Domain.Actors;

namespace Raumnetz.UnitTests.Actors;

public sealed class ActorMappingTests
{
    private static readonly AutoMapper.IMapper Mapper = MappingConfiguration.Create().CreateMapper();

    [Fact]
    public void Mapping_configuration_is_valid() => MappingConfiguration.Create().AssertConfigurationIsValid();

    [Fact]
    public void Actor_row_maps_to_the_dto_with_the_type_code()
    {
        var row = new ActorRow
        {
            Id = Guid.CreateVersion7(), Kind = ActorKind.Person, Name = "Anna", TypeCode = "person", TypeName = "Person", Sector = Sector.Public,
            ParentId = Guid.CreateVersion7(), ParentName = "Jugendamt", Email = "anna@example.org", ArchivedAt = DateTimeOffset.UnixEpoch, Version = 3,
        };

        var dto = Mapper.Map<ActorDto>(row);

        Assert.Equal(row.Id, dto.Id);
        Assert.Equal("person", dto.Type);
        Assert.Equal("Person", dto.TypeName);
        Assert.Equal(ActorKind.Person, dto.Kind);
        Assert.Equal("Jugendamt", dto.ParentName);
        Assert.Equal("anna@example.org", dto.Email);
        Assert.Equal(DateTimeOffset.UnixEpoch, dto.ArchivedAt);
        Assert.Equal(3, dto.Version);
        Assert.Empty(dto.SpaceIds);
        Assert.Empty(dto.Tags);
    }

    [Fact]
    public void Relation_rows_map_their_type()
    {
        var row = new ActorRelationRow { Id = Guid.CreateVersion7(), RelationType = RelationType.Funding, IsContractual = true, SourceActorName = "A", TargetActorName = "B" };
        var item = new ActorRelationItemRow { Id = row.Id, RelationType = RelationType.Delegation, Direction = RelationDirection.Incoming, OtherActorName = "C" };

        Assert.Equal(RelationType.Funding, Mapper.Map<ActorRelationDto>(row).Type);
        Assert.True(Mapper.Map<ActorRelationDto>(row).IsContractual);
        var mapped = Mapper.Map<ActorRelationItem>(item);
        Assert.Equal(RelationType.Delegation, mapped.Type);
        Assert.Equal(RelationDirection.Incoming, mapped.Direction);
        Assert.Equal("C", mapped.OtherActorName);
    }
}
