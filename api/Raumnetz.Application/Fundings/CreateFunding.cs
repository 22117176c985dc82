using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Fundings;

/// <summary>Records the funding of a service by a funder.</summary>
public sealed record CreateFundingCommand : FundingFields, ICommand<FundingDto>;

public sealed class CreateFundingValidator : FundingFieldsValidator<CreateFundingCommand>;

public sealed class CreateFundingHandler(IUnitOfWork unitOfWork, FundingReads reads, TimeProvider clock)
    : IRequestHandler<CreateFundingCommand, FundingDto>
{
    public async Task<FundingDto> Handle(CreateFundingCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await FundingChecks.CheckAsync(connection, tx, unitOfWork.Dialect, null, request, null, cancellationToken);
        var p = new DynamicParameters(FundingChecks.Parameters(request));
        p.Add("id", id);
        p.Add("now", clock.GetUtcNow());
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO service_fundings (id, service_id, funder_actor_id, programme, amount_per_year, share_percent, starts_on, ends_on,
                renewal_status, note, version, created_at, updated_at)
            VALUES (@id, @ServiceId, @FunderActorId, @programme, @AmountPerYear, @SharePercent, @StartsOn, @EndsOn,
                @renewalStatus, @note, 1, @now, @now)
            """, p, tx, cancellationToken: cancellationToken));
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
