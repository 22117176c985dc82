using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>The capacity history of a service: every entry, by location, unit and date (oldest first); optionally one location or
/// unit.</summary>
public sealed record ListCapacityQuery(Guid ServiceId, Guid? LocationId, CapacityUnit? Unit) : IRequest<IReadOnlyList<CapacityEntryDto>>;

public sealed class ListCapacityValidator : AbstractValidator<ListCapacityQuery>
{
    public ListCapacityValidator() => RuleFor(x => x.Unit).DefinedEnum();
}

public sealed class ListCapacityHandler(IDbConnectionFactory db) : IRequestHandler<ListCapacityQuery, IReadOnlyList<CapacityEntryDto>>
{
    public Task<IReadOnlyList<CapacityEntryDto>> Handle(ListCapacityQuery request, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<CapacityEntryDto>>(async (connection, ct) =>
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM services WHERE id = @ServiceId",
                    new { request.ServiceId }, cancellationToken: ct)) == 0)
                throw new NotFoundException("Service", request.ServiceId);
            return (await connection.QueryAsync<CapacityEntryDto>(new CommandDefinition($"""
                SELECT {ServiceReads.CapacityColumns} FROM capacity_entries c JOIN service_at_locations sal ON sal.id = c.service_at_location_id
                WHERE sal.service_id = @ServiceId{(request.LocationId is null ? "" : " AND sal.location_id = @LocationId")}{
                    (request.Unit is null ? "" : " AND c.unit = @unit")}
                ORDER BY sal.location_id, c.unit, c.as_of
                """, new { request.ServiceId, request.LocationId, unit = request.Unit?.ToString() }, cancellationToken: ct))).ToList();
        }, cancellationToken);
}
