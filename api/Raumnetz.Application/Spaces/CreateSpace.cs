using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

public sealed record CreateSpaceCommand : SpaceFields, ICommand<SpaceDto>;

public sealed class CreateSpaceValidator : SpaceFieldsValidator<CreateSpaceCommand>;

public sealed class CreateSpaceHandler(IUnitOfWork unitOfWork, SpaceReads reads, TimeProvider clock)
    : IRequestHandler<CreateSpaceCommand, SpaceDto>
{
    public async Task<SpaceDto> Handle(CreateSpaceCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await SpaceChecks.CheckReferencesAsync(connection, tx, unitOfWork.Dialect, request, null);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO spaces (id, code, name, search_key, level, parent_id, population, geometry, valid_from, valid_to, version, created_at, updated_at)
                VALUES (@id, @Code, @Name, @searchKey, @level, @ParentId, @Population, @geometry, @validFrom, @ValidTo, 1, @now, @now)
                """, new
            {
                id, Code = request.Code.Trim(), Name = request.Name.Trim(), searchKey = TextRules.SearchKey(request.Name),
                level = request.Level.ToString(),
                request.ParentId, request.Population, geometry = SpaceGeometry.Serialize(request.Geometry),
                validFrom = request.ValidFrom ?? DateOnly.FromDateTime(now.UtcDateTime), request.ValidTo, now,
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_SpaceCode, request.Code), "code");
        }
        await SpaceChecks.ReplacePredecessorsAsync(connection, tx, id, request.PredecessorIds);
        return (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
    }
}
