using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

public sealed record CreateActorCommand : ActorFields, ICommand<ActorDto>;

public sealed class CreateActorValidator : ActorFieldsValidator<CreateActorCommand>;

public sealed class CreateActorHandler(IUnitOfWork unitOfWork, ActorReads reads, TimeProvider clock)
    : IRequestHandler<CreateActorCommand, ActorDto>
{
    public async Task<ActorDto> Handle(CreateActorCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await ActorChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, null);
        var p = ActorText.Parameters(request);
        p.Add("id", id);
        p.Add("now", clock.GetUtcNow());
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO actors (id, kind, name, short_name, search_key, type_code, sector, parent_id, email, phone, website,
                    street, postal_code, city, notes, archived_at, version, created_at, updated_at)
                VALUES (@id, @kind, @name, @shortName, @searchKey, @typeCode, @sector, @parentId, @email, @phone, @website,
                    @street, @postalCode, @city, @notes, NULL, 1, @now, @now)
                """, p, tx);
            await ActorChecks.ReplaceSpacesAsync(connection, tx, id, request.SpaceIds ?? []);
            await ActorChecks.ReplaceTagsAsync(connection, tx, id, request.Tags ?? []);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_ActorRefsRemoved);
        }
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
