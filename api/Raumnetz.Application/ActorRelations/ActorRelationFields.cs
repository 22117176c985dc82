using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Actors;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorRelations;

/// <summary>The editable fields of a relation, shared by create and update.</summary>
public abstract record ActorRelationFields
{
    /// <summary>The actor the relation starts from (for example the funder, the member, the operator).</summary>
    public Guid SourceActorId { get; init; }
    /// <summary>The actor the relation points to.</summary>
    public Guid TargetActorId { get; init; }
    public RelationType Type { get; init; }
    /// <summary>Whether a contract underlies the relation.</summary>
    public bool IsContractual { get; init; }
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day (inclusive); must not lie before <see cref="ValidFrom"/>.</summary>
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
}

public abstract class ActorRelationFieldsValidator<T> : AbstractValidator<T> where T : ActorRelationFields
{
    protected ActorRelationFieldsValidator()
    {
        RuleFor(x => x.SourceActorId).NotEmpty();
        RuleFor(x => x.TargetActorId).NotEmpty();
        RuleFor(x => x.TargetActorId).Must((x, target) => RelationRules.SelfProblem(x.SourceActorId, target) is null)
            .When(x => x.SourceActorId != Guid.Empty)
            .WithMessage(x => RelationRules.SelfProblem(x.SourceActorId, x.TargetActorId)!);
        RuleFor(x => x.Type).Cascade(CascadeMode.Stop).NotEmpty().DefinedEnum();
        RuleFor(x => x.ValidTo).Must((x, to) => RelationRules.PeriodProblem(x.ValidFrom, to) is null)
            .WithMessage(x => RelationRules.PeriodProblem(x.ValidFrom, x.ValidTo)!);
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}

/// <summary>Rules only the data can decide: both actors exist, and no identical relation exists yet.</summary>
internal static class ActorRelationChecks
{
    /// <summary>
    /// Locks the source actor's row until the transaction ends first, so concurrent requests for relations of the same
    /// actor check and write one after the other (on every instance) and no duplicate gets in between.
    /// </summary>
    public static async Task CheckAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, ActorRelationFields f, Guid? selfId, CancellationToken ct)
    {
        await dialect.LockForUpdateAsync(connection, tx, "actors", f.SourceActorId, ct);
        var ids = new[] { f.SourceActorId, f.TargetActorId };
        var found = (await connection.QueryAsync<Guid>($"SELECT id FROM actors WHERE {dialect.In("id", "@ids")}", new { ids }, tx)).ToHashSet();
        if (!found.Contains(f.SourceActorId)) throw new InvalidFieldException("sourceActorId", Text.DoesNotExist("Actor", f.SourceActorId));
        if (!found.Contains(f.TargetActorId)) throw new InvalidFieldException("targetActorId", Text.DoesNotExist("Actor", f.TargetActorId));
        // Problem() repeats the validator's checks, so no caller can store a relation the domain refuses.
        if (RelationRules.Problem(f.SourceActorId, f.TargetActorId, f.ValidFrom, f.ValidTo) is { } problem)
            throw new InvalidFieldException(f.SourceActorId == f.TargetActorId ? "targetActorId" : "validTo", problem);

        var where = new List<string> { "source_actor_id = @source", "target_actor_id = @target", "relation_type = @type" };
        var p = new DynamicParameters();
        p.Add("source", f.SourceActorId);
        p.Add("target", f.TargetActorId);
        p.Add("type", f.Type.ToString());
        if (f.ValidFrom is { } from) { where.Add("valid_from = @from"); p.Add("from", from); }
        else where.Add("valid_from IS NULL");
        if (selfId is { } self) { where.Add("id <> @self"); p.Add("self", self); }
        if (await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM actor_relations WHERE {string.Join(" AND ", where)}", p, tx) > 0)
            throw new ConflictException(Messages.Conflict_RelationExists, "validFrom");
    }

    public static DynamicParameters Parameters(ActorRelationFields f)
    {
        var p = new DynamicParameters();
        p.Add("source", f.SourceActorId);
        p.Add("target", f.TargetActorId);
        p.Add("type", f.Type.ToString());
        p.Add("isContractual", f.IsContractual); // a bool parameter: INTEGER on SQLite, BOOLEAN on PostgreSQL, BIT on SQL Server
        p.Add("validFrom", f.ValidFrom);
        p.Add("validTo", f.ValidTo);
        p.Add("note", string.IsNullOrWhiteSpace(f.Note) ? null : f.Note.Trim());
        return p;
    }
}
