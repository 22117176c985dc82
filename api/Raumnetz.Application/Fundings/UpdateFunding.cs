using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Fundings;

/// <summary>Replaces the fields of a funding (If-Match). Moving it to another service is allowed to correct a mistake.</summary>
public sealed record UpdateFundingCommand : FundingFields, ICommand<FundingDto>
{
    public UpdateFundingCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateFundingCommand(FundingFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateFundingValidator : FundingFieldsValidator<UpdateFundingCommand>;

public sealed class UpdateFundingHandler(IUnitOfWork unitOfWork, FundingReads reads, TimeProvider clock)
    : IRequestHandler<UpdateFundingCommand, FundingDto>
{
    private sealed class Current
    {
        public Guid ServiceId { get; init; }
        public Guid FunderActorId { get; init; }
        public long Version { get; init; }
    }

    public async Task<FundingDto> Handle(UpdateFundingCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await connection.QuerySingleOrDefaultAsync<Current>(new CommandDefinition(
            "SELECT service_id, funder_actor_id, version FROM service_fundings WHERE id = @Id", new { request.Id }, tx,
                cancellationToken: cancellationToken)) ?? throw new NotFoundException("Funding", request.Id);
        // lock the service the funding leaves too, so its sum is not checked by someone else against a stale row
        if (current.ServiceId != request.ServiceId)
            await unitOfWork.Dialect.LockForUpdateAsync(connection, tx, "services", current.ServiceId, cancellationToken);
        await FundingChecks.CheckAsync(connection, tx, unitOfWork.Dialect, request.Id, request, current.FunderActorId, cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "service_fundings", "Funding", request.Id, request.ExpectedVersion);
        var p = new DynamicParameters(FundingChecks.Parameters(request));
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", clock.GetUtcNow());
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE service_fundings SET service_id = @ServiceId, funder_actor_id = @FunderActorId, programme = @programme,
                amount_per_year = @AmountPerYear, share_percent = @SharePercent, starts_on = @StartsOn, ends_on = @EndsOn,
                renewal_status = @renewalStatus, note = @note, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, p, tx, cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Funding", request.Id, version);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
