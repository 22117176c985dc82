using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Locations;

/// <summary>
/// Deletes a location recorded by mistake, with its addresses, languages, contacts, opening hours and closures. A location
/// where services are offered cannot be deleted (409): take it out of those services or archive it.
/// </summary>
public sealed record DeleteLocationCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteLocationHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteLocationCommand, Unit>
{
    public async Task<Unit> Handle(DeleteLocationCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "locations", "Location", request.Id, request.ExpectedVersion);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM service_at_locations WHERE location_id = @Id",
                new { request.Id }, tx) > 0)
            throw new ConflictException("Services are offered at this location. Take it out of those services, or archive it instead.");
        try
        {
            await InventoryPartsStore.DeleteAsync(connection, tx, unitOfWork.Dialect, PartOwner.Location, [request.Id]);
            await connection.ExecuteAsync("DELETE FROM location_languages WHERE location_id = @Id", new { request.Id }, tx);
            await connection.ExecuteAsync("DELETE FROM location_addresses WHERE location_id = @Id", new { request.Id }, tx);
            var rows = await connection.ExecuteAsync("DELETE FROM locations WHERE id = @Id AND version = @version",
                new { request.Id, version }, tx);
            Versioning.EnsureUpdated(rows, "Location", request.Id, version);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException("The location is still referenced. Archive it instead of deleting it.");
        }
        return Unit.Value;
    }
}
