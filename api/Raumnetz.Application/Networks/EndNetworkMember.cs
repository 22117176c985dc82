using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>Ends a membership on a day; the actor stays visible as a past member.</summary>
public sealed record EndNetworkMemberCommand : ICommand<NetworkMemberDto>
{
    public Guid NetworkId { get; init; }
    public Guid MemberId { get; init; }
    public long? ExpectedVersion { get; init; }
    /// <summary>Last day of the membership.</summary>
    public DateOnly ValidTo { get; init; }
}

public sealed class EndNetworkMemberValidator : AbstractValidator<EndNetworkMemberCommand>
{
    public EndNetworkMemberValidator() => RuleFor(x => x.ValidTo).NotEmpty();
}

public sealed class EndNetworkMemberHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock)
    : IRequestHandler<EndNetworkMemberCommand, NetworkMemberDto>
{
    public async Task<NetworkMemberDto> Handle(EndNetworkMemberCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await MemberVersioning.CheckAsync(connection, tx, request.NetworkId, request.MemberId, request.ExpectedVersion);
        if (request.ValidTo < current.ValidFrom)
            throw new InvalidFieldException("validTo",
                Text.Format(Messages.Field_MembershipEndsBeforeStart, current.ValidFrom));
        var rows = await connection.ExecuteAsync(
            "UPDATE network_members SET valid_to = @ValidTo, version = version + 1, updated_at = @now WHERE id = @MemberId AND version = " +
                "@version",
            new { request.MemberId, request.ValidTo, now = clock.GetUtcNow(), version = current.Version }, tx);
        Versioning.EnsureUpdated(rows, "Network member", request.MemberId, current.Version);
        return (await reads.LoadMemberAsync(connection, tx, request.NetworkId, request.MemberId, clock.Today(), cancellationToken))!;
    }
}
