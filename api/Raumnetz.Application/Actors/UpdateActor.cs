using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Actors;

/// <summary>
/// Replaces the editable fields of an actor. <see cref="ActorFields.SpaceIds"/> and <see cref="ActorFields.Tags"/>
/// are replaced when given and kept when null. <see cref="ExpectedVersion"/> comes from If-Match.
/// </summary>
public sealed record UpdateActorCommand : ActorFields, ICommand<ActorDto>
{
    public UpdateActorCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateActorCommand(ActorFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateActorValidator : ActorFieldsValidator<UpdateActorCommand>;

public sealed class UpdateActorHandler(IUnitOfWork unitOfWork, ActorReads reads, TimeProvider clock)
    : IRequestHandler<UpdateActorCommand, ActorDto>
{
    public async Task<ActorDto> Handle(UpdateActorCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "actors", "Actor", request.Id, request.ExpectedVersion);
        await ActorChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, request.Id);
        var p = ActorText.Parameters(request);
        p.Add("id", request.Id);
        p.Add("version", version);
        p.Add("now", clock.GetUtcNow());
        try
        {
            var rows = await connection.ExecuteAsync("""
                UPDATE actors SET kind = @kind, name = @name, short_name = @shortName, search_key = @searchKey, type_code = @typeCode,
                    sector = @sector, parent_id = @parentId, email = @email, phone = @phone, website = @website, street = @street,
                    postal_code = @postalCode, city = @city, notes = @notes, version = version + 1, updated_at = @now
                WHERE id = @id AND version = @version
                """, p, tx);
            Versioning.EnsureUpdated(rows, "Actor", request.Id, version);
            if (request.SpaceIds is not null) await ActorChecks.ReplaceSpacesAsync(connection, tx, request.Id, request.SpaceIds);
            if (request.Tags is not null) await ActorChecks.ReplaceTagsAsync(connection, tx, request.Id, request.Tags);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsForeignKeyViolation(e))
        {
            throw new ConflictException(Messages.Conflict_ActorRefsRemoved);
        }
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
