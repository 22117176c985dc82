using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Actors;

/// <summary>
/// Archives an actor: it stays with its relations and history but is hidden from the list unless archived actors
/// are asked for. Archiving an archived actor changes nothing. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record ArchiveActorCommand(Guid Id, long? ExpectedVersion) : ICommand<ActorDto>;

public sealed class ArchiveActorHandler(IUnitOfWork unitOfWork, ActorReads reads, TimeProvider clock)
    : IRequestHandler<ArchiveActorCommand, ActorDto>
{
    public Task<ActorDto> Handle(ArchiveActorCommand request, CancellationToken cancellationToken) =>
        ActorArchiving.SetAsync(unitOfWork, reads, request.Id, request.ExpectedVersion, archive: true, clock.GetUtcNow(),
            cancellationToken);
}

internal static class ActorArchiving
{
    /// <summary>Sets archived_at to <paramref name="now"/> or clears it; a no-op when the actor is already in that state.</summary>
    public static async Task<ActorDto> SetAsync(IUnitOfWork unitOfWork, ActorReads reads, Guid id, long? expectedVersion, bool archive,
        DateTimeOffset now, CancellationToken ct)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(ct);
        var version = await Versioning.CheckAsync(connection, tx, "actors", "Actor", id, expectedVersion);
        var isArchived = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE id = @id AND archived_at IS NOT NULL",
            new { id }, tx) > 0;
        if (isArchived != archive)
        {
            DateTimeOffset? archivedAt = archive ? now : null;
            var rows = await connection.ExecuteAsync(
                "UPDATE actors SET archived_at = @archivedAt, version = version + 1, updated_at = @now WHERE id = @id AND version = " +
                    "@version",
                new { id, archivedAt, now, version }, tx);
            Versioning.EnsureUpdated(rows, "Actor", id, version);
        }
        return (await reads.LoadAsync(connection, tx, id, ct))!;
    }
}
