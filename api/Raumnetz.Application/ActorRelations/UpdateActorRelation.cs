using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorRelations;

/// <summary>Replaces the fields of a relation. <see cref="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateActorRelationCommand : ActorRelationFields, ICommand<ActorRelationDto>
{
    public UpdateActorRelationCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateActorRelationCommand(ActorRelationFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateActorRelationValidator : ActorRelationFieldsValidator<UpdateActorRelationCommand>;

public sealed class UpdateActorRelationHandler(IUnitOfWork unitOfWork, ActorRelationReads reads, TimeProvider clock)
    : IRequestHandler<UpdateActorRelationCommand, ActorRelationDto>
{
    public async Task<ActorRelationDto> Handle(UpdateActorRelationCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "actor_relations", "Actor relation", request.Id, request.ExpectedVersion);
        await ActorRelationChecks.CheckAsync(connection, tx, unitOfWork.Dialect, request, request.Id, cancellationToken);
        var p = ActorRelationChecks.Parameters(request);
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", clock.GetUtcNow());
        try
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE actor_relations SET source_actor_id = @source, target_actor_id = @target, relation_type = @type,
                    is_contractual = @isContractual, valid_from = @validFrom, valid_to = @validTo, note = @note,
                    version = version + 1, updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
            Versioning.EnsureUpdated(rows, "Actor relation", request.Id, version);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_ActorsRemoved);
        }
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
