using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.Assessments;

/// <summary>Changes the rating and comment of an assessment (If-Match honoured); the measurement follows.</summary>
public sealed record UpdateAssessmentCommand : ICommand<AssessmentDto>
{
    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public int Rating { get; init; }
    public string? Comment { get; init; }
}

public sealed class UpdateAssessmentValidator : AbstractValidator<UpdateAssessmentCommand>
{
    public UpdateAssessmentValidator()
    {
        RuleFor(x => x.Rating).InclusiveBetween(-100, 100);
        RuleFor(x => x.Comment).MaximumLength(Limits.Note);
    }
}

public sealed class UpdateAssessmentHandler(IUnitOfWork unitOfWork, AssessmentReads reads, TimeProvider clock) : IRequestHandler<UpdateAssessmentCommand, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(UpdateAssessmentCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "assessments", "Assessment", request.Id, request.ExpectedVersion);
        var current = (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
        var indicator = await AssessmentRollUp.RatingIndicatorAsync(connection, tx, unitOfWork.Dialect, current.IndicatorId, request.Rating);
        var rows = await connection.ExecuteAsync(
            "UPDATE assessments SET rating = @Rating, comment = @comment, version = version + 1, updated_at = @now WHERE id = @Id AND version = @version",
            new { request.Id, request.Rating, comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), now, version }, tx);
        Versioning.EnsureUpdated(rows, "Assessment", request.Id, version);
        await AssessmentRollUp.ApplyAsync(connection, tx, unitOfWork.Dialect, indicator, current.SpaceId, Period.Parse(current.Period), now);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
