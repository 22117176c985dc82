using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

/// <summary>Deletes a space that nothing references (a mistake); a referenced space must be ended instead (409).</summary>
public sealed record DeleteSpaceCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteSpaceHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteSpaceCommand, Unit>
{
    public async Task<Unit> Handle(DeleteSpaceCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "spaces", "Space", request.Id, request.ExpectedVersion);
        var references = await connection.ExecuteScalarAsync<long>("""
            SELECT (SELECT COUNT(*) FROM spaces WHERE parent_id = @Id)
                 + (SELECT COUNT(*) FROM space_predecessors WHERE space_id = @Id OR predecessor_id = @Id)
                 + (SELECT COUNT(*) FROM actor_spaces WHERE space_id = @Id)
            """, new { request.Id }, tx);
        if (references > 0)
            throw new ConflictException(
                Messages.Conflict_SpaceReferencedDetail);
        try
        {
            var rows = await connection.ExecuteAsync("DELETE FROM spaces WHERE id = @Id AND version = @version",
                new { request.Id, version }, tx);
            Versioning.EnsureUpdated(rows, "Space", request.Id, version);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_SpaceReferenced);
        }
        return Unit.Value;
    }
}
