using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Locations;

/// <summary>
/// Replaces the fields of a location; its lists are replaced when given and kept when null. The space is derived anew from
/// the coordinates unless spaceId names another space than the one derived before. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateLocationCommand : LocationFields, ICommand<LocationDto>
{
    public UpdateLocationCommand() { }

    public UpdateLocationCommand(LocationFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateLocationValidator : LocationFieldsValidator<UpdateLocationCommand>;

public sealed class UpdateLocationHandler(IUnitOfWork unitOfWork, LocationReads reads, TimeProvider clock)
    : IRequestHandler<UpdateLocationCommand, LocationDto>
{
    public async Task<LocationDto> Handle(UpdateLocationCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "locations", "Location", request.Id, request.ExpectedVersion);
        var current = (await connection.QueryAsync<(Guid? SpaceId, string? Source)>(
            "SELECT space_id, space_source FROM locations WHERE id = @Id", new { request.Id }, tx)).Single();
        var (spaceId, source) = await LocationStore.CheckAndPlaceAsync(connection, tx, request, DateOnly.FromDateTime(now.UtcDateTime),
            current);
        var p = LocationStore.Parameters(request, spaceId, source);
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", now);
        try
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE locations SET name = @name, search_key = @searchKey, alternate_name = @alternateName, description = @description,
                    kind = @kind, url = @url, transportation = @transportation, latitude = @latitude, longitude = @longitude,
                    space_id = @spaceId, space_source = @spaceSource, owner_actor_id = @ownerActorId,
                    external_identifier = @externalIdentifier, external_identifier_type = @externalIdentifierType, external_id = @externalId,
                    step_free_access = @stepFreeAccess, accessible_toilet = @accessibleToilet, lift = @lift, hearing_loop = @hearingLoop,
                    accessibility_description = @accessibilityDescription, accessibility_details = @accessibilityDetails,
                    accessibility_url = @accessibilityUrl, valid_from = @validFrom, valid_to = @validTo, version = version + 1,
                    updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
            Versioning.EnsureUpdated(rows, "Location", request.Id, version);
            await LocationStore.ReplaceListsAsync(connection, tx, unitOfWork.Dialect, request.Id, request);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e) || unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw LocationStore.Conflict(e, unitOfWork.Dialect, request.ExternalId);
        }
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
