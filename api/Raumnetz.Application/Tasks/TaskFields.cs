using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Tasks;

/// <summary>The editable fields of an agreement, shared by create and update.</summary>
public abstract record TaskFields
{
    /// <summary>The network the agreement was made in.</summary>
    public Guid NetworkId { get; init; }
    /// <summary>The meeting it was made in (a meeting of that network), if any.</summary>
    public Guid? MeetingId { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>Actors responsible (one or more).</summary>
    public IReadOnlyCollection<Guid> ResponsibleActorIds { get; init; } = [];
    public DateOnly? DueDate { get; init; }
    /// <summary>Required, like every property whose type is not nullable (a new agreement is usually "open").</summary>
    public AgreementStatus Status { get; init; } = AgreementStatus.Open;
    /// <summary>What came of it.</summary>
    public string? Outcome { get; init; }
}

public abstract class TaskFieldsValidator<T> : AbstractValidator<T> where T : TaskFields
{
    protected TaskFieldsValidator()
    {
        RuleFor(x => x.NetworkId).NotEmpty();
        RuleFor(x => x.Title).RequiredText(Limits.Name);
        RuleFor(x => x.Description).MaximumLength(Limits.Note);
        RuleFor(x => x.ResponsibleActorIds).NotEmpty().WithMessage(_ => Messages.Rule_ResponsibleActor)
            .MaxItems(NetworkLimits.Responsibles);
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.Outcome).MaximumLength(Limits.Note);
    }
}

internal static class TaskChecks
{
    /// <summary>The network, the meeting (of that network) and every responsible actor exist; 400 naming the field otherwise.</summary>
    public static async Task CheckReferencesAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, TaskFields f)
    {
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @NetworkId", new { f.NetworkId }, tx) == 0)
            throw new InvalidFieldException("networkId", Text.DoesNotExist("Network", f.NetworkId));
        if (f.MeetingId is { } meetingId)
        {
            var meetingNetwork = await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT network_id FROM meetings WHERE id = @meetingId",
                new { meetingId }, tx);
            if (meetingNetwork is null) throw new InvalidFieldException("meetingId", Text.DoesNotExist("Meeting", meetingId));
            if (meetingNetwork != f.NetworkId) throw new InvalidFieldException("meetingId", Messages.Field_MeetingOtherNetwork);
        }
        var actors = f.ResponsibleActorIds.ToList();
        var found = (await connection.QueryAsync<Guid>($"SELECT id FROM actors WHERE {dialect.In("id", "@actors")}", new { actors }, tx))
            .ToHashSet();
        for (var i = 0; i < actors.Count; i++)
            if (!found.Contains(actors[i]))
                throw new InvalidFieldException($"responsibleActorIds[{i}]", Text.DoesNotExist("Actor", actors[i]));
    }

    public static async Task ReplaceResponsiblesAsync(DbConnection connection, DbTransaction tx, Guid id, TaskFields f)
    {
        await connection.ExecuteAsync("DELETE FROM task_responsibles WHERE task_id = @id", new { id }, tx);
        foreach (var actorId in f.ResponsibleActorIds.Distinct())
            await connection.ExecuteAsync("INSERT INTO task_responsibles (task_id, actor_id) VALUES (@id, @actorId)", new { id, actorId },
                tx);
    }
}
