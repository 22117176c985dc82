using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Indicators;

public sealed record CreateIndicatorCommand : IndicatorFields, ICommand<IndicatorDto>;

public sealed class CreateIndicatorValidator : IndicatorFieldsValidator<CreateIndicatorCommand>;

public sealed class CreateIndicatorHandler(IUnitOfWork unitOfWork, IndicatorReads reads, TimeProvider clock) : IRequestHandler<CreateIndicatorCommand, IndicatorDto>
{
    public async Task<IndicatorDto> Handle(CreateIndicatorCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var p = IndicatorText.Parameters(request);
        p.Add("id", id);
        p.Add("now", clock.GetUtcNow());
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO indicators (id, code, name, search_key, description, kind, unit, decimals, direction, aggregation, rate_factor,
                    is_proportion, scale_min, scale_max, scale_labels, minimum, maximum, source, update_interval, topic, version, created_at, updated_at)
                VALUES (@id, @code, @name, @searchKey, @description, @kind, @unit, @decimals, @direction, @aggregation, @rateFactor,
                    @isProportion, @scaleMin, @scaleMax, @scaleLabels, @minimum, @maximum, @source, @updateInterval, @topic, 1, @now, @now)
                """, p, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_IndicatorCode, request.Code.Trim()), "code");
        }
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
