using Raumnetz.Domain.Common;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>Assessments in the order they were made, filtered by indicator, space, period and actor.</summary>
public sealed record ListAssessmentsQuery(Guid? IndicatorId, Guid? SpaceId, string? Period, Guid? ActorId, ListOptions List)
    : IRequest<Page<AssessmentDto>>, IListQuery
{
    /// <summary>Sorts: createdAt (default, the order they were made), period, rating, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("a.id", "a.updated_at", "createdAt",
        new SortColumn("createdAt", "a.created_at", SortKind.Instant),
        new SortColumn("period", "a.first_month", SortKind.Number),
        new SortColumn("rating", "a.rating", SortKind.Number),
        new SortColumn("updatedAt", "a.updated_at", SortKind.Instant));
}

public sealed class ListAssessmentsValidator : AbstractValidator<ListAssessmentsQuery>
{
    public ListAssessmentsValidator()
    {
        RuleFor(x => x.Period).MaximumLength(10).Must(p => p is null || Period.TryParse(p, out _))
            .WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
        Include(new ListOptionsValidator<ListAssessmentsQuery>(ListAssessmentsQuery.Sorts));
    }
}

public sealed class ListAssessmentsHandler(IDbConnectionFactory db) : IRequestHandler<ListAssessmentsQuery, Page<AssessmentDto>>
{
    public async Task<Page<AssessmentDto>> Handle(ListAssessmentsQuery request, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var p = new DynamicParameters();
        if (request.IndicatorId is { } indicatorId) { where.Add("a.indicator_id = @indicatorId"); p.Add("indicatorId", indicatorId); }
        if (request.SpaceId is { } spaceId) { where.Add("a.space_id = @spaceId"); p.Add("spaceId", spaceId); }
        if (request.Period is not null) { where.Add("a.period = @period"); p.Add("period", Period.Parse(request.Period).ToString()); }
        if (request.ActorId is { } actorId) { where.Add("a.actor_id = @actorId"); p.Add("actorId", actorId); }
        var sql = new ListSql(AssessmentReads.Columns, AssessmentReads.From, where, p);
        return await db.ReadAsync((connection, ct) =>
            connection.QueryListAsync<AssessmentDto>(db.Dialect, ListAssessmentsQuery.Sorts, request.List, sql, r => r.Id, ct),
            cancellationToken);
    }
}
