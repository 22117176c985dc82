using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorTypes;

/// <summary>Adds an actor type to the list.</summary>
public sealed record CreateActorTypeCommand : ActorTypeFields, ICommand<ActorTypeDto>
{
    /// <summary>Stable code, for example "family-centre"; cannot be changed later.</summary>
    public string Code { get; init; } = "";
}

public sealed class CreateActorTypeValidator : ActorTypeFieldsValidator<CreateActorTypeCommand>
{
    public CreateActorTypeValidator() => RuleFor(x => x.Code).Code();
}

public sealed class CreateActorTypeHandler(IUnitOfWork unitOfWork, ActorTypeReads reads, TimeProvider clock)
    : IRequestHandler<CreateActorTypeCommand, ActorTypeDto>
{
    public async Task<ActorTypeDto> Handle(CreateActorTypeCommand request, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actor_types WHERE code = @code", new { code }, tx) > 0)
            throw new ConflictException(Text.Format(Messages.Conflict_ActorTypeCode, code), "code");
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO actor_types (code, name_de, name_en, version, created_at, updated_at)
                VALUES (@code, @nameDe, @nameEn, 1, @now, @now)
                """, new { code, nameDe = request.NameDe.Trim(), nameEn = request.NameEn.Trim(), now = clock.GetUtcNow() }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_ActorTypeCode, code), "code");
        }
        return (await reads.LoadAsync(connection, tx, code, cancellationToken))!;
    }
}
