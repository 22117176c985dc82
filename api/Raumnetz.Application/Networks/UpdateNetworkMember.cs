using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>Replaces the fields of a membership (If-Match). Changing the actor is allowed to correct a mistake.</summary>
public sealed record UpdateNetworkMemberCommand : NetworkMemberFields, ICommand<NetworkMemberDto>
{
    public UpdateNetworkMemberCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public UpdateNetworkMemberCommand(NetworkMemberFields fields) : base(fields) { }

    public Guid NetworkId { get; init; }
    public Guid MemberId { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateNetworkMemberValidator : NetworkMemberFieldsValidator<UpdateNetworkMemberCommand>;

public sealed class UpdateNetworkMemberHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock) : IRequestHandler<UpdateNetworkMemberCommand, NetworkMemberDto>
{
    public async Task<NetworkMemberDto> Handle(UpdateNetworkMemberCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await MemberVersioning.CheckAsync(connection, tx, request.NetworkId, request.MemberId, request.ExpectedVersion);
        var validFrom = request.ValidFrom ?? current.ValidFrom;
        await NetworkMemberChecks.CheckAsync(connection, tx, unitOfWork.Dialect, request.NetworkId, request.MemberId, request, validFrom, joining: request.ActorId != current.ActorId, cancellationToken);
        int rows;
        try
        {
            rows = await connection.ExecuteAsync("""
                UPDATE network_members SET actor_id = @ActorId, role = @role, delegated_from_network_id = @DelegatedFromNetworkId,
                    valid_from = @validFrom, valid_to = @ValidTo, note = @note, version = version + 1, updated_at = @now
                WHERE id = @MemberId AND version = @version
                """, new
            {
                request.MemberId, request.ActorId, role = request.Role.ToString(), request.DelegatedFromNetworkId, validFrom, request.ValidTo,
                note = NetworkChecks.Trimmed(request.Note), now, version = current.Version,
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Messages.Conflict_SameRoleSameDay, "validFrom");
        }
        Versioning.EnsureUpdated(rows, "Network member", request.MemberId, current.Version);
        return (await reads.LoadMemberAsync(connection, tx, request.NetworkId, request.MemberId, clock.Today(), cancellationToken))!;
    }
}

/// <summary>Optimistic concurrency for memberships, which are addressed through their network.</summary>
internal static class MemberVersioning
{
    public sealed class Current
    {
        public Guid ActorId { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public long Version { get; init; }
    }

    /// <summary>404 when the membership does not exist in this network, 412 when If-Match is stale.</summary>
    public static async Task<Current> CheckAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid networkId, Guid memberId, long? expected)
    {
        var current = await connection.QuerySingleOrDefaultAsync<Current>(
            "SELECT actor_id, valid_from, valid_to, version FROM network_members WHERE id = @memberId AND network_id = @networkId", new { networkId, memberId }, tx)
            ?? throw new NotFoundException("Network member", memberId);
        if (expected is not null && expected != current.Version) throw new StaleVersionException("Network member", memberId, expected.Value, current.Version);
        return current;
    }
}
