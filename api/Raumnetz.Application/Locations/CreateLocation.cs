using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Locations;

public sealed record CreateLocationCommand : LocationFields, ICommand<LocationDto>;

public sealed class CreateLocationValidator : LocationFieldsValidator<CreateLocationCommand>;

public sealed class CreateLocationHandler(IUnitOfWork unitOfWork, LocationReads reads, TimeProvider clock)
    : IRequestHandler<CreateLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(CreateLocationCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var (spaceId, source) = await LocationStore.CheckAndPlaceAsync(connection, tx, request, DateOnly.FromDateTime(now.UtcDateTime));
        var p = LocationStore.Parameters(request, spaceId, source);
        p.Add("id", id);
        p.Add("now", now);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO locations (id, name, search_key, alternate_name, description, kind, url, transportation, latitude, longitude,
                    space_id, space_source, owner_actor_id, external_identifier, external_identifier_type, external_id, step_free_access,
                    accessible_toilet, lift, hearing_loop, accessibility_description, accessibility_details, accessibility_url,
                    valid_from, valid_to, archived_at, version, created_at, updated_at)
                VALUES (@id, @name, @searchKey, @alternateName, @description, @kind, @url, @transportation, @latitude, @longitude,
                    @spaceId, @spaceSource, @ownerActorId, @externalIdentifier, @externalIdentifierType, @externalId, @stepFreeAccess,
                    @accessibleToilet, @lift, @hearingLoop, @accessibilityDescription, @accessibilityDetails, @accessibilityUrl,
                    @validFrom, @validTo, NULL, 1, @now, @now)
                """, p, tx);
            await LocationStore.ReplaceListsAsync(connection, tx, unitOfWork.Dialect, id, request);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e) || unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw LocationStore.Conflict(e, unitOfWork.Dialect, request.ExternalId);
        }
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
