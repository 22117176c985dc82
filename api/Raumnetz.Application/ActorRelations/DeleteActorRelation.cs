using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.ActorRelations;

/// <summary>Deletes a relation (to record that a relation ended, set its validTo instead). <see cref="ExpectedVersion"/> comes from
/// If-Match.</summary>
public sealed record DeleteActorRelationCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteActorRelationHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteActorRelationCommand, Unit>
{
    public async Task<Unit> Handle(DeleteActorRelationCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "actor_relations", "Actor relation", request.Id, request.ExpectedVersion);
        var rows = await connection.ExecuteAsync("DELETE FROM actor_relations WHERE id = @Id AND version = @version",
            new { request.Id, version }, tx);
        Versioning.EnsureUpdated(rows, "Actor relation", request.Id, version);
        return Unit.Value;
    }
}
