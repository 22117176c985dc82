using Raumnetz.Application.Exports;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.UnitTests.Exports;

public sealed class ExportScopeTests
{
    private static readonly IExportFormat Csv = new Infrastructure.Exports.ExportFormats().Find("csv")!;

    // city ─┬─ north ── n1
    //       └─ south ─┬─ s2
    //                 └─ s1
    private static readonly ExportSpace City = Space("C", null, SpaceLevel.Municipality);
    private static readonly ExportSpace North = Space("N", City, SpaceLevel.District);
    private static readonly ExportSpace South = Space("S", City, SpaceLevel.District);
    private static readonly ExportSpace N1 = Space("N1", North, SpaceLevel.Neighbourhood);
    private static readonly ExportSpace S1 = Space("S1", South, SpaceLevel.Neighbourhood);
    private static readonly ExportSpace S2 = Space("S2", South, SpaceLevel.Neighbourhood);
    private static readonly Dictionary<Guid, ExportSpace> Spaces = new[] { City, North, South, N1, S1, S2 }.ToDictionary(s => s.Id);
    private static readonly ILookup<Guid, Guid> Children = Spaces.Values.Where(s => s.ParentId is not null).ToLookup(s => s.ParentId!.Value, s => s.Id);

    private static ExportSpace Space(string code, ExportSpace? parent, SpaceLevel level) => new(Guid.NewGuid(), code, code, level, parent?.Id, parent?.Code);

    private static HashSet<Guid>? Scope(ExportIndicatorsQuery q) => ExportScope.Of(q, Spaces, Children);

    [Fact]
    public void Without_a_space_filter_every_space_is_in_scope() => Assert.Null(Scope(new ExportIndicatorsQuery { Format = Csv }));

    [Fact]
    public void Space_filters_combine()
    {
        Assert.Equal(new[] { South.Id, S1.Id, S2.Id }.Order(), Scope(new ExportIndicatorsQuery { Format = Csv, Under = South.Id })!.Order());
        Assert.Equal(new[] { S1.Id, S2.Id }.Order(), Scope(new ExportIndicatorsQuery { Format = Csv, Under = South.Id, Level = SpaceLevel.Neighbourhood })!.Order());
        Assert.Equal([N1.Id], Scope(new ExportIndicatorsQuery { Format = Csv, SpaceIds = [N1.Id, S1.Id], Under = North.Id })!);
        Assert.Empty(Scope(new ExportIndicatorsQuery { Format = Csv, Under = North.Id, Level = SpaceLevel.Municipality })!);
    }

    [Fact]
    public void An_unknown_space_is_named_by_its_parameter()
    {
        Assert.Equal("spaceIds", Assert.Throws<InvalidFieldException>(() => Scope(new ExportIndicatorsQuery { Format = Csv, SpaceIds = [City.Id, Guid.NewGuid()] })).Field);
        Assert.Equal("under", Assert.Throws<InvalidFieldException>(() => Scope(new ExportIndicatorsQuery { Format = Csv, Under = Guid.NewGuid() })).Field);
    }

    [Fact]
    public void Tree_order_puts_parents_first_and_siblings_by_code()
    {
        Assert.Equal(["C", "N", "N1", "S", "S1", "S2"], ExportScope.TreeOrder([S2, N1, City, S1, South, North]).Select(s => s.Code));
        // without their parent, spaces are roots
        Assert.Equal(["N1", "S", "S1", "S2"], ExportScope.TreeOrder([S2, S1, N1, South]).Select(s => s.Code));
    }
}
