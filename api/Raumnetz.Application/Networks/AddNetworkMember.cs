using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>Adds an actor to a network in a role.</summary>
public sealed record AddNetworkMemberCommand : NetworkMemberFields, ICommand<NetworkMemberDto>
{
    public AddNetworkMemberCommand() { }

    /// <summary>The command for these fields (a request body); the endpoint adds what the route and headers carry.</summary>
    public AddNetworkMemberCommand(NetworkMemberFields fields) : base(fields) { }

    public Guid NetworkId { get; init; }
}

public sealed class AddNetworkMemberValidator : NetworkMemberFieldsValidator<AddNetworkMemberCommand>;

public sealed class AddNetworkMemberHandler(IUnitOfWork unitOfWork, NetworkReads reads, TimeProvider clock) : IRequestHandler<AddNetworkMemberCommand, NetworkMemberDto>
{
    public async Task<NetworkMemberDto> Handle(AddNetworkMemberCommand request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var validFrom = request.ValidFrom ?? clock.Today();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        await NetworkMemberChecks.CheckAsync(connection, tx, unitOfWork.Dialect, request.NetworkId, null, request, validFrom, joining: true, cancellationToken);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO network_members (id, network_id, actor_id, role, delegated_from_network_id, valid_from, valid_to, note, version, created_at, updated_at)
                VALUES (@id, @NetworkId, @ActorId, @role, @DelegatedFromNetworkId, @validFrom, @ValidTo, @note, 1, @now, @now)
                """, new
            {
                id, request.NetworkId, request.ActorId, role = request.Role.ToString(), request.DelegatedFromNetworkId, validFrom, request.ValidTo,
                note = NetworkChecks.Trimmed(request.Note), now,
            }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Messages.Conflict_SameRoleSameDay, "validFrom");
        }
        return (await reads.LoadMemberAsync(connection, tx, request.NetworkId, id, clock.Today(), cancellationToken))!;
    }
}
