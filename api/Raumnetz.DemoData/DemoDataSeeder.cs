using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Spaces;

namespace Raumnetz.DemoData;

/// <summary>Whether anything was seeded, and how many spaces, actors, networks and indicator values were created.</summary>
public sealed record SeedDemoDataResult(bool Seeded, int Spaces, int Actors, int Networks = 0, int Observations = 0, int Services = 0);

/// <summary>
/// Seeds the demo data set (<see cref="DemoSpaces"/>, <see cref="DemoActors"/>, <see cref="DemoNetworksSeeder"/>,
/// <see cref="SeedDemoIndicators"/>, <see cref="DemoInventorySeeder"/>) into an empty database (no spaces yet); does nothing
/// otherwise. Called by the host
/// at start-up when <c>Raumnetz:DemoData</c> is on. Not a use case of its own: everything goes through the ordinary
/// commands a user would send, so every validation rule applies.
/// </summary>
public sealed class DemoDataSeeder(IDbConnectionFactory db, IMediator mediator, DemoNetworksSeeder networksSeeder,
    DemoInventorySeeder inventorySeeder)
{
    public async Task<SeedDemoDataResult> SeedAsync(CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            var spaces = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("SELECT COUNT(*) FROM spaces", cancellationToken: cancellationToken));
            if (spaces > 0) return new(false, 0, 0);
        }

        // The commands check each record on its own; check the set as a whole first, so that a mistake in the data
        // cannot leave a half-seeded database behind (a second run would then see spaces and skip).
        var problems = DemoSpaces.Problems().Concat(DemoActors.Problems(DemoSpaces.All.Select(s => s.Code).ToHashSet())).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("The demo data set is inconsistent: " + string.Join(" ", problems));

        var spaceIds = await SeedSpacesAsync(cancellationToken);
        var actors = await SeedDemoActors.SeedAsync(mediator, spaceIds, cancellationToken);
        var networks = await networksSeeder.SeedAsync(cancellationToken);
        var observations = await SeedDemoIndicators.SeedAsync(mediator, db, spaceIds, cancellationToken);
        var inventory = await inventorySeeder.SeedAsync(cancellationToken);
        return new(true, spaceIds.Count, actors, networks.Networks, observations, inventory.Services);
    }

    /// <summary>Creates the spaces in order (parents and predecessors first) and ends those that were reorganised.</summary>
    private async Task<IReadOnlyDictionary<string, Guid>> SeedSpacesAsync(CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var space in DemoSpaces.All)
        {
            var created = await mediator.Send(new CreateSpaceCommand
            {
                Code = space.Code,
                Name = space.Name,
                Level = space.Level,
                ParentId = space.ParentCode is { } parent ? ids[parent] : null,
                Population = space.Population,
                Geometry = space.Geometry,
                ValidFrom = space.ValidFrom,
                PredecessorIds = space.PredecessorCodes?.Select(code => ids[code]).ToList(),
            }, ct);
            ids[space.Code] = created.Id;
            if (space.EndedOn is { } endedOn)
                await mediator.Send(new EndSpaceCommand { Id = created.Id, ExpectedVersion = created.Version, ValidTo = endedOn }, ct);
        }
        return ids;
    }
}
