using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;
using Raumnetz.Domain.Spaces;

namespace Raumnetz.Application.Exports;

/// <summary>
/// Exports indicator values. Which indicators: those of a set (in its order), the listed ones, or all. Which spaces:
/// the listed ones, the subtree of <see cref="Under"/>, the spaces on <see cref="Level"/> (combined, all must hold), or
/// all. Which periods: from the start of <see cref="From"/> to the end of <see cref="To"/>. With <see cref="Aggregated"/>
/// spaces without a measured value get the value computed from the spaces below them (by each indicator's rule).
/// Small numbers are always withheld in exports (primary suppression) together with whatever would let them be
/// recomputed from totals of the same export (secondary suppression), and flagged as suppressed. Without
/// <see cref="Aggregated"/> the rows are streamed straight from the database in constant memory; with it they are
/// computed in memory first.
/// </summary>
public sealed record ExportIndicatorsQuery : IRequest<IndicatorExport>
{
    /// <summary>The format, chosen at the edge: what it needs decides the queries.</summary>
    public required IExportFormat Format { get; init; }
    public Guid? IndicatorSetId { get; init; }
    public IReadOnlyCollection<Guid>? IndicatorIds { get; init; }
    public IReadOnlyCollection<Guid>? SpaceIds { get; init; }
    public Guid? Under { get; init; }
    public SpaceLevel? Level { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public bool Aggregated { get; init; }
    /// <summary>Separator and decimal comma (used by the CSV formats; part of every export's ETag).</summary>
    public CsvOptions Csv { get; init; } = CsvOptions.Default;
    /// <summary>German or English column names, with or without the indicator's name (csv, csv-wide and xlsx; part of every export's ETag).</summary>
    public ExportColumns Columns { get; init; } = ExportColumns.Default;
}

public sealed class ExportIndicatorsValidator : AbstractValidator<ExportIndicatorsQuery>
{
    public const int MaxIndicators = 200;

    public ExportIndicatorsValidator()
    {
        RuleFor(x => x.Level).DefinedEnum();
        RuleFor(x => x.IndicatorIds).MaxItems(MaxIndicators);
        RuleFor(x => x.SpaceIds).MaxItems(Limits.Spaces);
        RuleFor(x => x.IndicatorIds).Empty().When(x => x.IndicatorSetId is not null).WithMessage(_ => Messages.Rule_SetOrIndicators);
        RuleFor(x => x.From).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "from"));
        RuleFor(x => x.To).Must(p => p is null || Period.TryParse(p, out _)).WithMessage(_ => Text.Format(Messages.Rule_PeriodSuchAs, "to"));
        RuleFor(x => x.To).Must((x, to) => !Period.TryParse(x.From, out var f) || !Period.TryParse(to, out var t) || f.FirstMonth <= t.LastMonth)
            .WithMessage(_ => Text.Format(Messages.Rule_NotBefore, "to", "from"));
    }
}

/// <summary>
/// Plans the export (<see cref="ExportPlan"/>) and its version, then hands the writing to <see cref="StreamedExport"/>
/// or, with <see cref="ExportIndicatorsQuery.Aggregated"/>, to <see cref="ComputedExport"/>.
/// </summary>
public sealed class ExportIndicatorsHandler(IDbConnectionFactory db, SuppressionRules rules, TimeProvider clock, ILogger<ExportIndicatorsHandler> logger)
    : IRequestHandler<ExportIndicatorsQuery, IndicatorExport>
{
    private sealed class Stamp
    {
        public long N { get; init; }
        public object? M { get; init; }
    }

    public async Task<IndicatorExport> Handle(ExportIndicatorsQuery request, CancellationToken cancellationToken)
    {
        var (plan, stamp) = await db.ReadAsync(async (connection, ct) =>
        {
            var plan = await ExportPlan.LoadAsync(connection, db.Dialect, request, ct);
            return (plan, await StampAsync(connection, new ExportQueryBuilder(plan, db.Dialect), ct));
        }, cancellationToken);
        var format = request.Format;
        return new IndicatorExport
        {
            Version = Version(plan, stamp),
            ContentType = format.ContentType,
            FileName = $"raumnetz-{Slug(plan.Title)}-{clock.GetUtcNow():yyyyMMdd}{format.FileNameSuffix}.{format.FileExtension}",
            WriteAsync = (stream, ct) => WriteAsync(plan, stream, ct),
        };
    }

    /// <summary>How many values, spaces and indicators the export covers and when the last of them changed.</summary>
    private static async Task<string> StampAsync(DbConnection connection, ExportQueryBuilder queries, CancellationToken ct)
    {
        var obs = await connection.QuerySingleAsync<Stamp>(queries.Stamp(ct));
        var meta = await connection.QuerySingleAsync<Stamp>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM spaces) + (SELECT COUNT(*) FROM indicators) AS n, (SELECT MAX(updated_at) FROM spaces) AS m", cancellationToken: ct));
        var indicatorStamp = await connection.ExecuteScalarAsync<object?>(new CommandDefinition("SELECT MAX(updated_at) FROM indicators", cancellationToken: ct));
        return $"{obs.N}|{Text(obs.M)}|{meta.N}|{Text(meta.M)}|{Text(indicatorStamp)}";
    }

    private static string Text(object? o) => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Everything the content depends on: the request, the indicators it resolved to, the rules and the data's stamp.</summary>
    private string Version(ExportPlan plan, string stamp)
    {
        var q = plan.Query;
        return string.Join('|', q.Format.Name, q.IndicatorSetId, string.Join(',', plan.Indicators.Select(i => i.Id)), string.Join(",", (q.SpaceIds ?? []).Order()),
            q.Under, q.Level, q.From, q.To, q.Aggregated, plan.Csv.Delimiter, plan.Csv.DecimalComma, q.Columns.German, q.Columns.WithNames, rules.MinCount, rules.MinDenominator, stamp, 2);
    }

    private static string Slug(string title)
    {
        var s = new StringBuilder();
        foreach (var c in TextRules.SearchKey(title))
            s.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        var slug = string.Join('-', s.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "indicators" : slug.Length > 60 ? slug[..60] : slug;
    }

    private async Task WriteAsync(ExportPlan plan, Stream output, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        if (plan.Query.Aggregated) await new ComputedExport(db, plan, rules, clock).WriteAsync(output, ct);
        else await new StreamedExport(db, plan, rules, clock, logger).WriteAsync(output, ct);
        logger.LogDebug("Export {Format} ({Scope}) written in {Elapsed} ms", plan.Format.Name, plan.Query.Aggregated ? "aggregated" : "streamed",
            (long)clock.GetElapsedTime(started).TotalMilliseconds);
    }
}
