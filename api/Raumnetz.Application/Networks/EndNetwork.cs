using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>
/// Ends a network on a day: status ended, and every membership still open on that day ends with it. The network,
/// its members, meetings and agreements stay visible as history.
/// </summary>
public sealed record EndNetworkCommand : ICommand<NetworkDto>
{
    public Guid Id { get; init; }
    public long? ExpectedVersion { get; init; }
    /// <summary>Last day of the network.</summary>
    public DateOnly EndedOn { get; init; }
}

public sealed class EndNetworkValidator : AbstractValidator<EndNetworkCommand>
{
    public EndNetworkValidator() => RuleFor(x => x.EndedOn).NotEmpty();
}

public sealed class EndNetworkHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<EndNetworkCommand, NetworkDto>
{
    public async Task<NetworkDto> Handle(EndNetworkCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "networks", "Network", request.Id, request.ExpectedVersion);
        var startedOn = await connection.QuerySingleAsync<DateOnly?>("SELECT started_on FROM networks WHERE id = @Id", new { request.Id },
            tx);
        if (startedOn is { } start && request.EndedOn < start)
            throw new InvalidFieldException("endedOn", Text.Format(Messages.Field_NetworkEndsBeforeStart, start));
        var rows = await connection.ExecuteAsync(
            "UPDATE networks SET status = @status, ended_on = @EndedOn, version = version + 1, updated_at = @now WHERE id = @Id AND " +
                "version = @version",
            new { request.Id, status = nameof(NetworkStatus.Ended), request.EndedOn, now, version }, tx);
        Versioning.EnsureUpdated(rows, "Network", request.Id, version);
        await connection.ExecuteAsync("""
            UPDATE network_members SET valid_to = @EndedOn, version = version + 1, updated_at = @now
            WHERE network_id = @Id AND valid_from <= @EndedOn AND (valid_to IS NULL OR valid_to > @EndedOn)
            """, new { request.Id, request.EndedOn, now }, tx);
        return (await reads.LoadAsync(connection, tx, request.Id, clock.Today(), cancellationToken))!;
    }
}
