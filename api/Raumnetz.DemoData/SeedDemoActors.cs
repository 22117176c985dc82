using MediatR;
using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Actors;

namespace Raumnetz.DemoData;

/// <summary>Sends the <see cref="DemoActors"/> through the actor commands: organisations and persons, then relations.</summary>
internal static class SeedDemoActors
{
    /// <returns>The number of actors created.</returns>
    public static async Task<int> SeedAsync(IMediator mediator, IReadOnlyDictionary<string, Guid> spaceIds, CancellationToken ct)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var actor in DemoActors.Actors)
        {
            var created = await mediator.Send(new CreateActorCommand
            {
                Kind = actor.Kind,
                Name = actor.Name,
                ShortName = actor.ShortName,
                Type = actor.Type,
                Sector = actor.Sector,
                ParentId = actor.ParentKey is { } parent ? ids[parent] : null,
                Email = actor.Email,
                Website = actor.Website,
                Street = actor.Street,
                PostalCode = actor.PostalCode,
                City = actor.City,
                SpaceIds = actor.SpaceCodes?.Select(code => spaceIds[code]).ToList(),
                Tags = actor.Tags?.ToList(),
                Notes = actor.Notes,
            }, ct);
            ids[actor.Key] = created.Id;
        }
        foreach (var relation in DemoActors.Relations)
        {
            await mediator.Send(new CreateActorRelationCommand
            {
                SourceActorId = ids[relation.SourceKey],
                TargetActorId = ids[relation.TargetKey],
                Type = relation.Type,
                IsContractual = relation.IsContractual,
                ValidFrom = relation.ValidFrom,
                ValidTo = relation.ValidTo,
                Note = relation.Note,
            }, ct);
        }
        return ids.Count;
    }
}
