using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Indicators;

namespace Raumnetz.Application.IndicatorSets;

/// <summary>
/// Sets the baseline and targets of the listed (indicator, space) pairs of a set, replacing what they had; pairs not
/// listed keep theirs. A pair with no baseline and no targets loses its goals. The set's version goes up (If-Match honoured).
/// </summary>
public sealed record SetIndicatorSetGoalsCommand : ICommand<IndicatorGoalList>
{
    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    public IReadOnlyCollection<IndicatorGoalDto>? Goals { get; init; }
}

public sealed class SetIndicatorSetGoalsValidator : AbstractValidator<SetIndicatorSetGoalsCommand>
{
    public const int MaxGoals = 500;
    public const int MaxTargets = 20;

    public SetIndicatorSetGoalsValidator()
    {
        RuleFor(x => x.Goals).NotNull().MaxItems(MaxGoals);
        RuleForEach(x => x.Goals).ChildRules(g =>
        {
            g.RuleFor(x => x.IndicatorId).NotEmpty();
            g.RuleFor(x => x.SpaceId).NotEmpty();
            g.RuleFor(x => x.Baseline!.Period).Must(p => Period.TryParse(p, out _)).When(x => x.Baseline is not null)
                .OverridePropertyName("baseline.period").WithMessage(_ => Text.Format(Messages.Rule_Period, "period"));
            g.RuleFor(x => x.Targets).MaxItems(MaxTargets);
            g.RuleForEach(x => x.Targets).ChildRules(t =>
                t.RuleFor(x => x.Period).Must(p => Period.TryParse(p, out _))
                    .WithMessage(_ => Text.Format(Messages.Rule_Period, "period")));
            g.RuleFor(x => x.Targets)
                .Must((x, targets)
                => targets.All(t => !Period.TryParse(t.Period, out var tp) || !Period.TryParse(x.Baseline!.Period, out var bp) || tp > bp))
                .When(x => x.Baseline is not null).WithMessage(_ => Messages.Rule_TargetAfterBaseline);
            g.RuleFor(x => x.Targets).Must(targets => targets.Select(t => t.Period.Trim()).Distinct().Count() == targets.Count)
                .WithMessage(_ => Messages.Rule_OneTargetPerPeriod);
        });
        RuleFor(x => x.Goals).Must(goals => goals!.GroupBy(g => (g.IndicatorId, g.SpaceId)).All(g => g.Count() == 1))
            .When(x => x.Goals is not null)
            .WithMessage(_ => Messages.Rule_IndicatorSpaceOnce);
    }
}

public sealed class SetIndicatorSetGoalsHandler(IUnitOfWork unitOfWork, IndicatorSetReads reads, TimeProvider clock)
    : IRequestHandler<SetIndicatorSetGoalsCommand, IndicatorGoalList>
{
    public async Task<IndicatorGoalList> Handle(SetIndicatorSetGoalsCommand request, CancellationToken cancellationToken)
    {
        var goals = request.Goals!.ToList();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "indicator_sets", "Indicator set", request.Id, request.ExpectedVersion);
        var members = (await connection.QueryAsync<Guid>("SELECT indicator_id FROM indicator_set_items WHERE set_id = @Id",
                new { request.Id }, tx)).ToHashSet();
        var spaceIds = goals.Select(g => g.SpaceId).Distinct().ToList();
        var spaces = spaceIds.Count == 0 ? []
            : (await connection.QueryAsync<Guid>($"SELECT id FROM spaces WHERE {unitOfWork.Dialect.In("id", "@spaceIds")}",
                new { spaceIds }, tx)).ToHashSet();
        for (var i = 0; i < goals.Count; i++)
        {
            if (!members.Contains(goals[i].IndicatorId)) throw new InvalidFieldException($"goals[{i}].indicatorId",
                Text.Format(Messages.Field_IndicatorNotInSet, goals[i].IndicatorId));
            if (!spaces.Contains(goals[i].SpaceId)) throw new InvalidFieldException($"goals[{i}].spaceId",
                Text.DoesNotExist("Space", goals[i].SpaceId));
        }
        foreach (var g in goals)
        {
            var key = new { request.Id, g.IndicatorId, g.SpaceId };
            await connection.ExecuteAsync(
                "DELETE FROM indicator_baselines WHERE set_id = @Id AND indicator_id = @IndicatorId AND space_id = @SpaceId", key, tx);
            await connection.ExecuteAsync(
                "DELETE FROM indicator_targets WHERE set_id = @Id AND indicator_id = @IndicatorId AND space_id = @SpaceId", key, tx);
            if (g.Baseline is { } b)
                await connection.ExecuteAsync(
                    "INSERT INTO indicator_baselines (set_id, indicator_id, space_id, period, value) VALUES (@Id, @IndicatorId, " +
                    "@SpaceId, @period, @value)",
                    new { request.Id, g.IndicatorId, g.SpaceId, period = Period.Parse(b.Period).ToString(), value = b.Value }, tx);
            foreach (var t in g.Targets)
                await connection.ExecuteAsync(
                    "INSERT INTO indicator_targets (set_id, indicator_id, space_id, period, value) VALUES (@Id, @IndicatorId, @SpaceId, " +
                    "@period, @value)",
                    new { request.Id, g.IndicatorId, g.SpaceId, period = Period.Parse(t.Period).ToString(), value = t.Value }, tx);
        }
        var rows = await connection.ExecuteAsync(
            "UPDATE indicator_sets SET version = version + 1, updated_at = @now WHERE id = @Id AND version = @version",
            new { request.Id, now = clock.GetUtcNow(), version }, tx);
        Versioning.EnsureUpdated(rows, "Indicator set", request.Id, version);
        return await reads.GoalsAsync(connection, tx, request.Id, null, cancellationToken);
    }
}
