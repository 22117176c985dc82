using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

/// <summary>Replaces the editable fields of a space. <see cref="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateSpaceCommand : SpaceFields, ICommand<SpaceDto>
{
    public UpdateSpaceCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateSpaceCommand(SpaceFields fields) : base(fields) { }

    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateSpaceValidator : SpaceFieldsValidator<UpdateSpaceCommand>;

public sealed class UpdateSpaceHandler(IUnitOfWork unitOfWork, SpaceReads reads, TimeProvider clock)
    : IRequestHandler<UpdateSpaceCommand, SpaceDto>
{
    public async Task<SpaceDto> Handle(UpdateSpaceCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "spaces", "Space", request.Id, request.ExpectedVersion);
        await SpaceChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, request.Id);
        int rows;
        try
        {
            rows = await connection.ExecuteAsync("""
                UPDATE spaces SET code = @Code, name = @Name, search_key = @searchKey, level = @level, parent_id = @ParentId,
                    population = @Population, geometry = @geometry, valid_from = COALESCE(@ValidFrom, valid_from), valid_to = @ValidTo,
                    version = version + 1, updated_at = @now
                WHERE id = @Id AND version = @version
                """, new
            {
                request.Id, Code = request.Code.Trim(), Name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name),
                level = request.Level.ToString(),
                request.ParentId, request.Population, geometry = SpaceGeometry.Serialize(request.Geometry), request.ValidFrom,
                request.ValidTo,
                now = clock.GetUtcNow(), version,
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_SpaceCode, request.Code), "code");
        }
        Versioning.EnsureUpdated(rows, "Space", request.Id, version);
        if (request.PredecessorIds is not null) await SpaceChecks.ReplacePredecessorsAsync(connection, tx, request.Id,
            request.PredecessorIds);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
