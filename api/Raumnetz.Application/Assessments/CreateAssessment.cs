using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>
/// Rates a soft factor for a space and period, as a member actor or anonymously (no actorId). The ratings of the same
/// indicator, space and period roll up into its measurement (mean or median, with the count).
/// </summary>
public sealed record CreateAssessmentCommand : ICommand<AssessmentDto>
{
    /// <summary>A rating indicator.</summary>
    public Guid IndicatorId { get; init; }
    public Guid SpaceId { get; init; }
    /// <summary>2024, 2024-H1, 2024-Q2 or 2024-05.</summary>
    public string Period { get; init; } = "";
    /// <summary>A point on the indicator's scale.</summary>
    public int Rating { get; init; }
    /// <summary>The rating actor; null rates anonymously.</summary>
    public Guid? ActorId { get; init; }
    public string? Comment { get; init; }
}

public sealed class CreateAssessmentValidator : AbstractValidator<CreateAssessmentCommand>
{
    public CreateAssessmentValidator()
    {
        RuleFor(x => x.IndicatorId).NotEmpty();
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.Period).NotEmpty().MaximumLength(10).Must(p => Period.TryParse(p, out _))
            .WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
        RuleFor(x => x.Rating).InclusiveBetween(-100, 100);
        RuleFor(x => x.Comment).MaximumLength(Limits.Note);
    }
}

public sealed class CreateAssessmentHandler(IUnitOfWork unitOfWork, AssessmentReads reads, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(CreateAssessmentCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var period = Period.Parse(request.Period);
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var indicator = await AssessmentRollUp.RatingIndicatorAsync(connection, tx, unitOfWork.Dialect, request.IndicatorId,
            request.Rating);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM spaces WHERE id = @SpaceId", new { request.SpaceId }, tx) == 0)
            throw new InvalidFieldException("spaceId", Text.DoesNotExist("Space", request.SpaceId));
        if (request.ActorId is { } actorId
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE id = @actorId", new { actorId }, tx) == 0)
            throw new InvalidFieldException("actorId", Text.DoesNotExist("Actor", actorId));
        await connection.ExecuteAsync("""
            INSERT INTO assessments (id, indicator_id, space_id, period, first_month, last_month, actor_id, rating, comment, created_by, version, created_at, updated_at)
            VALUES (@id, @IndicatorId, @SpaceId, @period, @firstMonth, @lastMonth, @ActorId, @Rating, @comment, @createdBy, 1, @now, @now)
            """, new
        {
            id, request.IndicatorId, request.SpaceId, period = period.ToString(), firstMonth = period.FirstMonth,
            lastMonth = period.LastMonth, request.ActorId,
            request.Rating, comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(),
            createdBy = user.Principal, now,
        }, tx);
        await AssessmentRollUp.ApplyAsync(connection, tx, unitOfWork.Dialect, indicator, request.SpaceId, period, now);
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
