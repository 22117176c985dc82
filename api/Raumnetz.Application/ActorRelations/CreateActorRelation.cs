using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorRelations;

public sealed record CreateActorRelationCommand : ActorRelationFields, ICommand<ActorRelationDto>;

public sealed class CreateActorRelationValidator : ActorRelationFieldsValidator<CreateActorRelationCommand>;

public sealed class CreateActorRelationHandler(IUnitOfWork unitOfWork, ActorRelationReads reads, TimeProvider clock)
    : IRequestHandler<CreateActorRelationCommand, ActorRelationDto>
{
    public async Task<ActorRelationDto> Handle(CreateActorRelationCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await ActorRelationChecks.CheckAsync(connection, tx, unitOfWork.Dialect, request, null, cancellationToken);
        var p = ActorRelationChecks.Parameters(request);
        p.Add("id", id);
        p.Add("now", clock.GetUtcNow());
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO actor_relations (id, source_actor_id, target_actor_id, relation_type, is_contractual, valid_from, valid_to, note, version, created_at, updated_at)
                VALUES (@id, @source, @target, @type, @isContractual, @validFrom, @validTo, @note, 1, @now, @now)
                """, p, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_ActorsRemoved);
        }
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
