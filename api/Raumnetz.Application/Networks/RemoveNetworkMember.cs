using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Networks;

/// <summary>Deletes a membership entered by mistake; one with recorded attendance must be ended instead (409).</summary>
public sealed record RemoveNetworkMemberCommand(Guid NetworkId, Guid MemberId, long? ExpectedVersion) : ICommand<Unit>;

public sealed class RemoveNetworkMemberHandler(IUnitOfWork unitOfWork) : IRequestHandler<RemoveNetworkMemberCommand, Unit>
{
    public async Task<Unit> Handle(RemoveNetworkMemberCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var current = await MemberVersioning.CheckAsync(connection, tx, request.NetworkId, request.MemberId, request.ExpectedVersion);
        var attendance = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM meeting_attendance WHERE member_id = @MemberId",
            new { request.MemberId }, tx);
        if (attendance > 0)
            throw new ConflictException(
                Messages.Conflict_MemberAttended);
        var rows = await connection.ExecuteAsync("DELETE FROM network_members WHERE id = @MemberId AND version = @version",
            new { request.MemberId, version = current.Version }, tx);
        Versioning.EnsureUpdated(rows, "Network member", request.MemberId, current.Version);
        return Unit.Value;
    }
}
