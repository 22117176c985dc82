using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// The time series of one indicator in one space: per period its measured value, or where it has none (a district, the
/// city) the value computed from the spaces below by the indicator's aggregation rule. For viewers and analysts small
/// numbers, and what would reveal them through a total (of spaces or of periods), are withheld exactly as in every other
/// response (<see cref="Disclosure"/>).
/// </summary>
public sealed record GetIndicatorSeriesQuery(Guid Id, Guid SpaceId, string? From, string? To) : IRequest<IndicatorSeries>;

public sealed record IndicatorSeries
{
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    public string SpaceCode { get; init; } = "";
    public string SpaceName { get; init; } = "";
    /// <summary>Oldest period first (a year before its halves, quarters and months); periods without any value are left out.</summary>
    public IReadOnlyList<IndicatorValue> Items { get; init; } = [];
}

public sealed class GetIndicatorSeriesValidator : AbstractValidator<GetIndicatorSeriesQuery>
{
    /// <summary>The longest period text (2024-H1).</summary>
    public const int PeriodLength = 10;

    public GetIndicatorSeriesValidator()
    {
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.From).MaximumLength(PeriodLength).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "from"));
        RuleFor(x => x.To).MaximumLength(PeriodLength).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "to"));
        RuleFor(x => x.To)
            .Must((x, to) => !Period.TryParse(x.From, out var f) || !Period.TryParse(to, out var t) || f.FirstMonth <= t.LastMonth)
            .WithMessage(_ => Text.Format(Messages.Rule_NotBefore, "to", "from"));
    }
}

public sealed class GetIndicatorSeriesHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules)
    : IRequestHandler<GetIndicatorSeriesQuery, IndicatorSeries>
{
    public async Task<IndicatorSeries> Handle(GetIndicatorSeriesQuery request, CancellationToken cancellationToken)
    {
        int? from = request.From is null ? null : Period.Parse(request.From).FirstMonth;
        int? to = request.To is null ? null : Period.Parse(request.To).LastMonth;
        return await db.ReadAsync(async (connection, ct) =>
        {
            var indicator = await PublishedValueReads.IndicatorAsync(connection, db.Dialect, request.Id, ct);
            var spaces = await PublishedValueReads.SpacesAsync(connection, ct);
            if (!spaces.TryGetValue(request.SpaceId, out var space))
                throw new InvalidFieldException("spaceId", Text.DoesNotExist("Space", request.SpaceId));
            var table = await PublishedValueReads.TableAsync(connection, db.Dialect, indicator, spaces, space.Id,
                new HashSet<Guid> { space.Id }, from, to, aggregate: true, user, rules, ct);
            return new IndicatorSeries
            {
                IndicatorId = indicator.Id, SpaceId = space.Id, SpaceCode = space.Code, SpaceName = space.Name,
                Items = table.Values.OrderBy(v => v.Period).Select(table.ToDto).ToList(),
            };
        }, cancellationToken);
    }
}
