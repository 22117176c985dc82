using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Services;

/// <summary>
/// Deletes a service recorded by mistake, with everything that belongs only to it (categories, target groups, languages,
/// links to networks and spaces, HSDS parts, its entries at locations). A service with capacity history, or one that other
/// records still refer to (funding, inventory rounds), cannot be deleted (409): archive it instead.
/// </summary>
public sealed record DeleteServiceCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteServiceHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteServiceCommand, Unit>
{
    private static readonly string[] OwnTables =
    [
        "service_categories", "service_target_groups", "service_languages", "service_networks", "service_spaces", "service_areas",
        "service_cost_options", "service_required_documents", "service_attributes",
    ];

    public async Task<Unit> Handle(DeleteServiceCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var dialect = unitOfWork.Dialect;
        var version = await Versioning.CheckAsync(connection, tx, "services", "Service", request.Id, request.ExpectedVersion);
        var sals = (await connection.QueryAsync<Guid>("SELECT id FROM service_at_locations WHERE service_id = @Id", new { request.Id }, tx))
            .ToList();
        if (sals.Count > 0 && await connection.ExecuteScalarAsync<long>(
                $"SELECT COUNT(*) FROM capacity_entries WHERE {dialect.In("service_at_location_id", "@sals")}", new { sals }, tx) > 0)
            throw new ConflictException("The service has capacity history. Archive it instead of deleting it.");
        try
        {
            await InventoryPartsStore.DeleteAsync(connection, tx, dialect, PartOwner.ServiceAtLocation, sals);
            await connection.ExecuteAsync("DELETE FROM service_at_locations WHERE service_id = @Id", new { request.Id }, tx);
            await InventoryPartsStore.DeleteAsync(connection, tx, dialect, PartOwner.Service, [request.Id]);
            foreach (var table in OwnTables)
                await connection.ExecuteAsync($"DELETE FROM {table} WHERE service_id = @Id", new { request.Id }, tx);
            var rows = await connection.ExecuteAsync("DELETE FROM services WHERE id = @Id AND version = @version",
                new { request.Id, version }, tx);
            Versioning.EnsureUpdated(rows, "Service", request.Id, version);
        }
        catch (Exception e) when (dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(
                "Other records still refer to the service (funding, inventory rounds). Archive it instead of deleting it.");
        }
        return Unit.Value;
    }
}
