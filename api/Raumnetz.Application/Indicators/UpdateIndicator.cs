using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// Replaces the fields of an indicator. Kind, rate factor and scale cannot change once values were recorded (the
/// stored values would change their meaning). <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateIndicatorCommand : IndicatorFields, ICommand<IndicatorDto>
{
    public UpdateIndicatorCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateIndicatorCommand(IndicatorFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateIndicatorValidator : IndicatorFieldsValidator<UpdateIndicatorCommand>;

public sealed class UpdateIndicatorHandler(IUnitOfWork unitOfWork, IndicatorReads reads, TimeProvider clock) : IRequestHandler<UpdateIndicatorCommand, IndicatorDto>
{
    public async Task<IndicatorDto> Handle(UpdateIndicatorCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "indicators", "Indicator", request.Id, request.ExpectedVersion);
        var current = await connection.QuerySingleAsync<IndicatorRow>($"SELECT {IndicatorRow.Columns} FROM indicators i WHERE i.id = @Id", new { request.Id }, tx);
        var meaningChanges = current.Kind != request.Kind
            || (request.Kind == Domain.Indicators.IndicatorKind.Rate && current.RateFactor != request.RateFactor)
            || (request.Kind == Domain.Indicators.IndicatorKind.Rating && (current.ScaleMin != request.ScaleMin || current.ScaleMax != request.ScaleMax));
        if (meaningChanges)
        {
            var values = await connection.ExecuteScalarAsync<long>("""
                SELECT (SELECT COUNT(*) FROM observations WHERE indicator_id = @Id) + (SELECT COUNT(*) FROM assessments WHERE indicator_id = @Id)
                """, new { request.Id }, tx);
            if (values > 0)
                throw new InvalidFieldException("kind", Text.Format(Messages.Field_IndicatorKindFixed, values));
        }
        var p = IndicatorText.Parameters(request);
        p.Add("id", request.Id);
        p.Add("now", clock.GetUtcNow());
        p.Add("version", version);
        int rows;
        try
        {
            rows = await connection.ExecuteAsync("""
                UPDATE indicators SET code = @code, name = @name, search_key = @searchKey, description = @description, kind = @kind, unit = @unit,
                    decimals = @decimals, direction = @direction, aggregation = @aggregation, rate_factor = @rateFactor, is_proportion = @isProportion,
                    scale_min = @scaleMin, scale_max = @scaleMax, scale_labels = @scaleLabels, minimum = @minimum, maximum = @maximum, source = @source, update_interval = @updateInterval,
                    topic = @topic, version = version + 1, updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_IndicatorCode, request.Code.Trim()), "code");
        }
        Versioning.EnsureUpdated(rows, "Indicator", request.Id, version);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
