using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Spaces;

/// <summary>Ends a space on a day (it stays in the history, with everything that references it).</summary>
public sealed record EndSpaceCommand : ICommand<SpaceDto>
{
    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    /// <summary>Last day the space exists.</summary>
    public DateOnly ValidTo { get; init; }
}

public sealed class EndSpaceValidator : AbstractValidator<EndSpaceCommand>
{
    public EndSpaceValidator() => RuleFor(x => x.ValidTo).NotEmpty();
}

public sealed class EndSpaceHandler(IUnitOfWork unitOfWork, SpaceReads reads, TimeProvider clock)
    : IRequestHandler<EndSpaceCommand, SpaceDto>
{
    public async Task<SpaceDto> Handle(EndSpaceCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "spaces", "Space", request.Id, request.ExpectedVersion);
        var validFrom = await connection.QuerySingleAsync<DateOnly>("SELECT valid_from FROM spaces WHERE id = @Id", new { request.Id }, tx);
        if (request.ValidTo < validFrom)
            throw new InvalidFieldException("validTo", Text.Format(Messages.Field_SpaceEndsBeforeStart, validFrom));
        var rows = await connection.ExecuteAsync(
            "UPDATE spaces SET valid_to = @ValidTo, version = version + 1, updated_at = @now WHERE id = @Id AND version = @version",
            new { request.Id, request.ValidTo, now = clock.GetUtcNow(), version }, tx);
        Versioning.EnsureUpdated(rows, "Space", request.Id, version);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
