using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.InventoryRounds;

/// <summary>An assignment as sent: an actor for a space or for a category (exactly one of the two).</summary>
public sealed record RoundAssignmentInput
{
    public Guid ActorId { get; init; }
    public Guid? SpaceId { get; init; }
    /// <summary>Code of a category (taxonomy term).</summary>
    public string? CategoryCode { get; init; }
}

/// <summary>The editable fields of an inventory round, shared by create and update.</summary>
public abstract record InventoryRoundFields
{
    public string Name { get; init; } = "";
    /// <summary>The region: this space and the spaces below it. Fixed once the round exists.</summary>
    public Guid SpaceId { get; init; }
    public DateOnly StartsOn { get; init; }
    /// <summary>Last day (inclusive).</summary>
    public DateOnly EndsOn { get; init; }
    /// <summary>The round to compare with; the latest earlier round of the same region when omitted.</summary>
    public Guid? PreviousRoundId { get; init; }
    public string? Note { get; init; }
    /// <summary>Who is responsible for which spaces or categories (up to 200); none when omitted.</summary>
    public IReadOnlyList<RoundAssignmentInput>? Assignments { get; init; }
}

public abstract class InventoryRoundFieldsValidator<T> : AbstractValidator<T> where T : InventoryRoundFields
{
    public const int MaxAssignments = 200;

    protected InventoryRoundFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.SpaceId).NotEmpty();
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("'endsOn' must not lie before 'startsOn'.");
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
        RuleFor(x => x.Assignments).MaxItems(MaxAssignments);
        RuleForEach(x => x.Assignments).ChildRules(a =>
        {
            a.RuleFor(x => x.ActorId).NotEmpty();
            a.RuleFor(x => x.CategoryCode).MaximumLength(Limits.Code);
            a.RuleFor(x => x.SpaceId).NotNull().When(x => string.IsNullOrWhiteSpace(x.CategoryCode))
                .WithMessage("An assignment names a space or a category.");
            a.RuleFor(x => x.CategoryCode).Empty().When(x => x.SpaceId is not null)
                .WithMessage("An assignment names a space or a category, not both.");
        });
    }
}

internal static class InventoryRoundChecks
{
    /// <summary>The region exists, the previous round exists and is another round, and every assignment's actor, space and
    /// category.</summary>
    public static async Task<List<(Guid ActorId, Guid? SpaceId, Guid? TermId)>> CheckAsync(DbConnection connection, DbTransaction tx,
        InventoryRoundFields f, Guid? selfId, CancellationToken ct)
    {
        async Task<bool> Exists(string sql, object args) =>
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, tx, cancellationToken: ct)) > 0;
        if (!await Exists("SELECT COUNT(*) FROM spaces WHERE id = @id", new { id = f.SpaceId }))
            throw new InvalidFieldException("spaceId", $"Space '{f.SpaceId}' does not exist.");
        if (f.PreviousRoundId is { } previous
            && (previous == selfId || !await Exists("SELECT COUNT(*) FROM inventory_rounds WHERE id = @id", new { id = previous })))
            throw new InvalidFieldException("previousRoundId", $"'{previous}' is no other inventory round.");
        var resolved = new List<(Guid, Guid?, Guid?)>();
        var list = f.Assignments ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (!await Exists("SELECT COUNT(*) FROM actors WHERE id = @id", new { id = a.ActorId }))
                throw new InvalidFieldException($"assignments[{i}].actorId", $"Actor '{a.ActorId}' does not exist.");
            if (a.SpaceId is { } spaceId && !await Exists("SELECT COUNT(*) FROM spaces WHERE id = @id", new { id = spaceId }))
                throw new InvalidFieldException($"assignments[{i}].spaceId", $"Space '{spaceId}' does not exist.");
            Guid? termId = null;
            if (!string.IsNullOrWhiteSpace(a.CategoryCode))
                termId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                    "SELECT id FROM taxonomy_terms WHERE code = @code", new { code = a.CategoryCode.Trim() }, tx, cancellationToken: ct))
                    ?? throw new InvalidFieldException($"assignments[{i}].categoryCode",
                        $"No category has the code '{a.CategoryCode.Trim()}'.");
            resolved.Add((a.ActorId, a.SpaceId, termId));
        }
        return resolved;
    }

    public static async Task WriteAssignmentsAsync(DbConnection connection, DbTransaction tx, Guid roundId,
        IReadOnlyList<(Guid ActorId, Guid? SpaceId, Guid? TermId)> assignments, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM inventory_round_assignments WHERE round_id = @roundId",
            new { roundId }, tx, cancellationToken: ct));
        for (var i = 0; i < assignments.Count; i++)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO inventory_round_assignments (round_id, sort_order, actor_id, space_id, term_id)
                VALUES (@roundId, @i, @actorId, @spaceId, @termId)
                """, new { roundId, i, actorId = assignments[i].ActorId, spaceId = assignments[i].SpaceId, termId = assignments[i].TermId },
                tx, cancellationToken: ct));
    }

    public static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
