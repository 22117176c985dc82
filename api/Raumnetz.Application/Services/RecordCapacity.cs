using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Inventory;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Services;

/// <summary>
/// Records the capacity of a service at one of its locations on a date: the unit (places, hours per week, consultations
/// per month), the maximum and what is available. One entry per location, unit and date (a second one is 409); the
/// entries form the history that utilisation charts and coverage read.
/// </summary>
public sealed record RecordCapacityCommand : ICommand<CapacityEntryDto>
{
    public RecordCapacityCommand() { }

    public RecordCapacityCommand(RecordCapacityFields fields)
    {
        LocationId = fields.LocationId;
        Unit = fields.Unit;
        Maximum = fields.Maximum;
        Available = fields.Available;
        AsOf = fields.AsOf;
        Note = fields.Note;
    }

    public Guid ServiceId { get; init; }
    /// <summary>One of the service's locations.</summary>
    public Guid LocationId { get; init; }
    public CapacityUnit Unit { get; init; }
    public double Maximum { get; init; }
    /// <summary>What is free on asOf; at most the maximum.</summary>
    public double? Available { get; init; }
    public DateOnly AsOf { get; init; }
    public string? Note { get; init; }
}

/// <summary>The body of a capacity entry.</summary>
public abstract record RecordCapacityFields
{
    /// <summary>One of the service's locations.</summary>
    public Guid LocationId { get; init; }
    public CapacityUnit Unit { get; init; }
    public double Maximum { get; init; }
    /// <summary>What is free on asOf; at most the maximum.</summary>
    public double? Available { get; init; }
    public DateOnly AsOf { get; init; }
    public string? Note { get; init; }
}

public sealed class RecordCapacityValidator : AbstractValidator<RecordCapacityCommand>
{
    public RecordCapacityValidator()
    {
        RuleFor(x => x.LocationId).NotEmpty();
        RuleFor(x => x.Unit).DefinedEnum();
        RuleFor(x => x.Maximum).Must(m => double.IsFinite(m) && m >= 0 && m <= InventoryLimits.MaxCapacity)
            .WithMessage("'maximum' must be a number from 0 to 1000000000.");
        RuleFor(x => x.Available).Must(a => a is null || (double.IsFinite(a.Value) && a >= 0))
            .WithMessage("'available' must be a number of at least 0.");
        RuleFor(x => x.Available).LessThanOrEqualTo(x => x.Maximum).When(x => x.Available is not null)
            .WithMessage("'available' must not exceed 'maximum'.");
        RuleFor(x => x.Note).MaximumLength(InventoryLimits.ShortText);
    }
}

public sealed class RecordCapacityHandler(IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordCapacityCommand, CapacityEntryDto>
{
    public async Task<CapacityEntryDto> Handle(RecordCapacityCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM services WHERE id = @ServiceId", new { request.ServiceId },
            tx) == 0)
            throw new NotFoundException("Service", request.ServiceId);
        var salId = await connection.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM service_at_locations WHERE service_id = @ServiceId AND location_id = @LocationId",
            new { request.ServiceId, request.LocationId }, tx)
            ?? throw new InvalidFieldException("locationId", $"The service is not offered at location '{request.LocationId}'.");
        var id = Guid.CreateVersion7();
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO capacity_entries (id, service_at_location_id, unit, maximum, available, as_of, note, recorded_by, created_at)
                VALUES (@id, @salId, @unit, @Maximum, @Available, @AsOf, @note, @recordedBy, @now)
                """, new
            {
                id, salId, unit = request.Unit.ToString(), request.Maximum, request.Available, request.AsOf,
                note = InventoryParts.Optional(request.Note), recordedBy = user.Principal, now = clock.GetUtcNow(),
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException($"There is a {request.Unit} entry for this location on {request.AsOf:yyyy-MM-dd} already.", "asOf");
        }
        return await connection.QuerySingleAsync<CapacityEntryDto>($"""
            SELECT {ServiceReads.CapacityColumns} FROM capacity_entries c JOIN service_at_locations sal ON sal.id = c.service_at_location_id
            WHERE c.id = @id
            """, new { id }, tx);
    }
}
