using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.ActorTypes;

/// <summary>Renames an actor type; the code stays. <see cref="ExpectedVersion"/> comes from If-Match.</summary>
public sealed record UpdateActorTypeCommand : ActorTypeFields, ICommand<ActorTypeDto>
{
    public UpdateActorTypeCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateActorTypeCommand(ActorTypeFields fields) : base(fields) { }

    public string Code { get; init; } = "";
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateActorTypeValidator : ActorTypeFieldsValidator<UpdateActorTypeCommand>;

public sealed class UpdateActorTypeHandler(IUnitOfWork unitOfWork, ActorTypeReads reads, TimeProvider clock)
    : IRequestHandler<UpdateActorTypeCommand, ActorTypeDto>
{
    public async Task<ActorTypeDto> Handle(UpdateActorTypeCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        // Versioning.CheckAsync keys on a Guid id; actor types are keyed by code.
        var current = await connection.QuerySingleOrDefaultAsync<long?>("SELECT version FROM actor_types WHERE code = @Code",
            new { request.Code }, tx)
            ?? throw new NotFoundException("Actor type", request.Code);
        if (request.ExpectedVersion is { } expected && expected != current)
            throw new StaleVersionException("Actor type", request.Code, expected, current);
        var rows = await connection.ExecuteAsync("""
            UPDATE actor_types SET name_de = @nameDe, name_en = @nameEn, version = version + 1, updated_at = @now
            WHERE code = @Code AND version = @current
            """, new { request.Code, nameDe = request.NameDe.Trim(), nameEn = request.NameEn.Trim(), now = clock.GetUtcNow(), current },
                tx);
        if (rows == 0) throw new StaleVersionException("Actor type", request.Code, current, current + 1);
        return (await reads.LoadAsync(connection, tx, request.Code, cancellationToken))!;
    }
}
