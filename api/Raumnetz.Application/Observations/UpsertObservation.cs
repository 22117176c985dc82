using Dapper;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Indicators;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Observations;

/// <summary>
/// Records the value of an indicator for a space and period: creates it, or replaces the one stored for the same
/// (indicator, space, period). Sending the same value again changes nothing (same version). For rates the value may be
/// left out and is computed from numerator and denominator. If-Match is honoured when the value exists.
/// </summary>
public sealed record UpsertObservationCommand : ObservationFields, ICommand<UpsertObservationResult>
{
    public UpsertObservationCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds the If-Match version.</summary>
    public UpsertObservationCommand(ObservationFields fields) : base(fields) { }

    public long? ExpectedVersion { get; init; }

    /// <summary>The HTTP request came without If-Match: it may create a value but not replace one (428).</summary>
    public bool IfMatchMissing { get; init; }
}

/// <summary>The fields of an observation as it is recorded.</summary>
public abstract record ObservationFields
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05.</summary>
    public string Period { get; init; } = "";
    public double? Value { get; init; }
    public double? Numerator { get; init; }
    public double? Denominator { get; init; }
    /// <summary>Default final.</summary>
    public ObservationStatus? Status { get; init; }
    public string? Source { get; init; }
    public string? Note { get; init; }
    /// <summary>
    /// Not stored: true confirms a value that lies far outside the space's own history (see Raumnetz:Plausibility);
    /// without it such a value is refused with 400 naming 'value' (code outlier).
    /// </summary>
    public bool? ConfirmOutlier { get; init; }
}

public sealed record UpsertObservationResult(ObservationDto Observation, bool Created);

public sealed class UpsertObservationValidator : AbstractValidator<UpsertObservationCommand>
{
    public UpsertObservationValidator()
    {
        RuleFor(x => x.IndicatorId).NotEmpty();
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.Period).NotEmpty().MaximumLength(10).Must(p => Period.TryParse(p, out _))
            .WithMessage(_ => Messages.Rule_PeriodLong);
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Source).MaximumLength(Limits.Name);
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}

public sealed class UpsertObservationHandler(IUnitOfWork unitOfWork, TimeProvider clock, PlausibilityRules plausibility) : IRequestHandler<UpsertObservationCommand, UpsertObservationResult>
{
    public async Task<UpsertObservationResult> Handle(UpsertObservationCommand request, CancellationToken cancellationToken)
    {
        var period = Period.Parse(request.Period);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var indicator = (await IndicatorRow.LoadAsync(connection, tx, unitOfWork.Dialect, [request.IndicatorId], cancellationToken)).SingleOrDefault()
            ?? throw new InvalidFieldException("indicatorId", Text.DoesNotExist("Indicator", request.IndicatorId));
        var space = await connection.QuerySingleOrDefaultAsync<SpaceValidity>("SELECT valid_to FROM spaces WHERE id = @SpaceId", new { request.SpaceId }, tx)
            ?? throw new InvalidFieldException("spaceId", Text.DoesNotExist("Space", request.SpaceId));
        var (value, problems) = ObservationRules.Check(indicator.Profile(), request.Value, request.Numerator, request.Denominator);
        if (ObservationRules.CheckValidity(period, space.ValidTo) is { } outside) problems.Add(outside);
        if (problems.Count == 0 && value is { } v0 && request.ConfirmOutlier != true && plausibility.MaxJumpFactor > 1)
        {
            var history = await connection.QuerySingleAsync<ValueRange>("""
                SELECT MIN(value) AS lowest, MAX(value) AS highest FROM observations
                WHERE indicator_id = @IndicatorId AND space_id = @SpaceId AND period <> @period AND value IS NOT NULL
                """, new { request.IndicatorId, request.SpaceId, period = period.ToString() }, tx);
            if (ObservationRules.IsOutlier(v0, history.Lowest, history.Highest, plausibility.MaxJumpFactor))
                problems.Add(ObservationRules.Outlier(v0, history.Lowest!.Value, history.Highest!.Value, plausibility.MaxJumpFactor));
        }
        if (problems.Count > 0) throw new ValidationException(problems.Select(p => new ValidationFailure(p.Field, p.Message) { ErrorCode = p.Code, CustomState = FieldProblem.StateMarker }));
        if (request.ExpectedVersion is not null || request.IfMatchMissing)
        {
            var current = await connection.QuerySingleOrDefaultAsync<long?>("SELECT version FROM observations WHERE indicator_id = @IndicatorId AND space_id = @SpaceId AND period = @period",
                new { request.IndicatorId, request.SpaceId, period = period.ToString() }, tx);
            if (current is not null && request.IfMatchMissing)
                throw new PreconditionRequiredException(Text.Format(Messages.Precondition_ObservationExists, indicator.Code, period));
            if (current is { } v && request.ExpectedVersion is { } expected && v != expected)
                throw new StaleVersionException("Observation", $"{indicator.Code}/{period}", expected, v);
        }
        var version = await ObservationSql.UpsertAsync(connection, tx, unitOfWork.Dialect, new ObservationValues(
            request.IndicatorId, request.SpaceId, period, value, request.Numerator, request.Denominator, request.Status ?? ObservationStatus.Final,
            Optional(request.Source), Optional(request.Note), null), clock.GetUtcNow());
        var row = await connection.QuerySingleAsync<ObservationRow>(
            $"SELECT {ObservationRow.Columns} FROM {ObservationRow.From} WHERE o.indicator_id = @IndicatorId AND o.space_id = @SpaceId AND o.period = @period",
            new { request.IndicatorId, request.SpaceId, period = period.ToString() }, tx);
        return new UpsertObservationResult(row.ToDto(false), version == 1);
    }

    private static string? Optional(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed class SpaceValidity
    {
        public DateOnly? ValidTo { get; init; }
    }

    private sealed class ValueRange
    {
        public double? Lowest { get; init; }
        public double? Highest { get; init; }
    }
}

/// <summary>The stored fields of one observation, checked.</summary>
internal sealed record ObservationValues(
    Guid IndicatorId, Guid SpaceId, Period Period, double? Value, double? Numerator, double? Denominator, ObservationStatus Status, string? Source, string? Note, int? RatingCount);
