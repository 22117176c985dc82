using System.Data.Common;
using System.Text.Json;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Spaces;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Indicators;

/// <summary>
/// Map data of one indicator: the spaces of the subtree of <see cref="Under"/> and/or on <see cref="Level"/> (all spaces
/// without either) that exist during at least one of the <see cref="Periods"/> or have a value in one, parents before
/// children, each with its geometry and its values in those periods. Measured values only, unless <see cref="Aggregated"/>
/// adds the values computed from the spaces below for spaces without one of their own. For viewers and analysts small
/// numbers, and what would reveal them through a total, are withheld exactly as in every other response
/// (<see cref="Disclosure"/>).
/// </summary>
public sealed record GetIndicatorMapQuery(Guid Id, IReadOnlyCollection<string>? Periods, Guid? Under, SpaceLevel? Level, bool Aggregated)
    : IRequest<IndicatorMap>;

public sealed record IndicatorMap
{
    public Guid IndicatorId { get; init; }
    /// <summary>The periods asked for, oldest first, each once.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];
    /// <summary>Parents before children, siblings by code.</summary>
    public IReadOnlyList<MapSpace> Spaces { get; init; } = [];
}

/// <summary>A space on the map with its values in the periods asked for.</summary>
public sealed record MapSpace
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public SpaceLevel Level { get; init; }
    public Guid? ParentId { get; init; }
    public DateOnly ValidFrom { get; init; }
    /// <summary>Last day the space exists (inclusive); null while it is current.</summary>
    public DateOnly? ValidTo { get; init; }
    /// <summary>GeoJSON geometry (Polygon or MultiPolygon); null when not known.</summary>
    public JsonElement? Geometry { get; init; }
    /// <summary>One per period that has a value (or a withheld one); oldest first.</summary>
    public IReadOnlyList<IndicatorValue> Values { get; init; } = [];
}

public sealed class GetIndicatorMapValidator : AbstractValidator<GetIndicatorMapQuery>
{
    /// <summary>Most periods one map request compares (a year of months).</summary>
    public const int MaxPeriods = 12;

    public GetIndicatorMapValidator()
    {
        RuleFor(x => x.Periods).NotEmpty().MaxItems(MaxPeriods);
        RuleForEach(x => x.Periods).NotEmpty().MaximumLength(GetIndicatorSeriesValidator.PeriodLength).Must(p => Period.TryParse(p, out _))
            .WithMessage(_ => Messages.Rule_Periods);
        RuleFor(x => x.Level).DefinedEnum();
    }
}

public sealed class GetIndicatorMapHandler(IDbConnectionFactory db, ICurrentUser user, SuppressionRules rules)
    : IRequestHandler<GetIndicatorMapQuery, IndicatorMap>
{
    public async Task<IndicatorMap> Handle(GetIndicatorMapQuery request, CancellationToken cancellationToken)
    {
        var periods = request.Periods!.Select(Period.Parse).Distinct().Order().ToList();
        return await db.ReadAsync(async (connection, ct) =>
        {
            var indicator = await PublishedValueReads.IndicatorAsync(connection, db.Dialect, request.Id, ct);
            var spaces = await PublishedValueReads.SpacesAsync(connection, ct);
            if (request.Under is { } under && !spaces.ContainsKey(under))
                throw new InvalidFieldException("under", Text.DoesNotExist("Space", under));
            HashSet<Guid>? scope = request.Under is { } root ? PublishedValueReads.Subtree(spaces, root) : null;
            if (request.Level is { } level)
            {
                var onLevel = spaces.Values.Where(s => s.Level == level).Select(s => s.Id);
                if (scope is null) scope = onLevel.ToHashSet(); else scope.IntersectWith(onLevel);
            }
            // From the first to the last period; what is withheld does not depend on that range (Disclosure decides per year).
            var table = await PublishedValueReads.TableAsync(connection, db.Dialect, indicator, spaces, request.Under, scope,
                periods.Min(p => p.FirstMonth), periods.Max(p => p.LastMonth), request.Aggregated,
                user, rules, ct);
            var wanted = periods.ToHashSet();
            // Each period shows the spaces of that period (SpaceTime.ShownIn): an ended space keeps no value, and is not
            // listed, for a period after its end, whatever is stored or computed for it.
            var values = table.Values.Where(v => wanted.Contains(v.Period))
                .Where(v => SpaceTime.ShownIn(spaces[v.Space].ValidFrom, spaces[v.Space].ValidTo, v.Period, hasValue: true))
                .ToLookup(v => v.Space);
            var shown = PublishedValueReads.TreeOrder(spaces.Values
                .Where(s => scope is null || scope.Contains(s.Id))
                .Where(s => periods.Any(p => SpaceTime.ShownIn(s.ValidFrom, s.ValidTo, p, values[s.Id].Any(v => v.Period == p))))
                .ToList());
            var geometries = await GeometriesAsync(connection, request.Under, ct);
            return new IndicatorMap
            {
                IndicatorId = indicator.Id,
                Periods = periods.Select(p => p.ToString()).ToList(),
                Spaces = shown.Select(s => new MapSpace
                {
                    Id = s.Id, Code = s.Code, Name = s.Name, Level = s.Level, ParentId = s.ParentId,
                    ValidFrom = s.ValidFrom, ValidTo = s.ValidTo,
                    Geometry = geometries.TryGetValue(s.Id, out var g) ? SpaceGeometry.Read(g) : null,
                    Values = values[s.Id].OrderBy(v => v.Period).Select(table.ToDto).ToList(),
                }).ToList(),
            };
        }, cancellationToken);
    }

    private async Task<Dictionary<Guid, string>> GeometriesAsync(DbConnection connection, Guid? under, CancellationToken ct)
    {
        var sql = under is null
            ? "SELECT id, geometry FROM spaces WHERE geometry IS NOT NULL"
            : $"""
                {PublishedValueReads.SubtreeCte(db.Dialect)}
                SELECT s.id, s.geometry FROM spaces s JOIN subtree t ON t.id = s.id WHERE s.geometry IS NOT NULL
                """;
        return (await connection.QueryAsync<(Guid Id, string Geometry)>(new CommandDefinition(sql, new { under }, cancellationToken: ct)))
            .ToDictionary(g => g.Id, g => g.Geometry);
    }
}
