using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>Assessments in the order they were made, filtered by indicator, space, period and actor.</summary>
public sealed record ListAssessmentsQuery(Guid? IndicatorId, Guid? SpaceId, string? Period, Guid? ActorId, int? Limit, string? Cursor)
    : IRequest<Page<AssessmentDto>>;

public sealed class ListAssessmentsValidator : AbstractValidator<ListAssessmentsQuery>
{
    public ListAssessmentsValidator()
    {
        RuleFor(x => x.Period).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListAssessmentsHandler(IDbConnectionFactory db) : IRequestHandler<ListAssessmentsQuery, Page<AssessmentDto>>
{
    public async Task<Page<AssessmentDto>> Handle(ListAssessmentsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.IndicatorId is { } indicatorId) { where.Add("a.indicator_id = @indicatorId"); p.Add("indicatorId", indicatorId); }
        if (request.SpaceId is { } spaceId) { where.Add("a.space_id = @spaceId"); p.Add("spaceId", spaceId); }
        if (request.Period is not null) { where.Add("a.period = @period"); p.Add("period", Period.Parse(request.Period).ToString()); }
        if (request.ActorId is { } actorId) { where.Add("a.actor_id = @actorId"); p.Add("actorId", actorId); }
        Cursor.TryDecode(request.Cursor, out var cursor);
        if (cursor is not null) { where.Add("a.id > @cid"); p.Add("cid", cursor.Id); }
        p.Add("take", limit + 1);
        var sql = $"""
            SELECT {AssessmentReads.Columns} FROM {AssessmentReads.From}
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY a.id {db.Dialect.Limit("@take")}
            """;
        var rows = await db.ReadAsync(async (connection, ct) =>
            (await connection.QueryAsync<AssessmentDto>(new CommandDefinition(sql, p, cancellationToken: ct))).ToList(), cancellationToken);
        return Paging.ToPage(rows, limit, r => ("", r.Id));
    }
}
