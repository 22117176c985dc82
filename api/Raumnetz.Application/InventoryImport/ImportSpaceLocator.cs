using System.Data.Common;
using Dapper;
using Raumnetz.Domain.Inventory;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.InventoryImport;

/// <summary>
/// Point in space for the import: the spaces with a geometry valid on the day, loaded once, and the locations' rule
/// (<see cref="SpaceLocator"/>: the finest space covering the point, a point on an edge inside) for each row's coordinates.
/// </summary>
internal static class ImportSpaceLocator
{
    private sealed class SpaceRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string Level { get; init; } = "";
        public string Geometry { get; init; } = "";
    }

    public static async Task<Func<double, double, Guid?>> LoadAsync(DbConnection connection, DbTransaction tx, DateOnly on,
        CancellationToken ct)
    {
        var spaces = (await connection.QueryAsync<SpaceRow>(new CommandDefinition("""
            SELECT id, code, level, geometry FROM spaces
            WHERE geometry IS NOT NULL AND valid_from <= @on AND (valid_to IS NULL OR valid_to >= @on)
            """, new { on }, tx, cancellationToken: ct)))
            .Select(s => new LocatableSpace(s.Id, s.Code, Enum.TryParse<SpaceLevel>(s.Level, out var level) ? (int)level : 0, s.Geometry))
            .ToList();
        return spaces.Count == 0 ? (_, _) => null : (latitude, longitude) => SpaceLocator.Locate(latitude, longitude, spaces);
    }
}
