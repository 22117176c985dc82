using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

public sealed record GetMeetingQuery(Guid Id) : IRequest<MeetingDto>;

public sealed class GetMeetingHandler(IDbConnectionFactory db, MeetingReads reads) : IRequestHandler<GetMeetingQuery, MeetingDto>
{
    public async Task<MeetingDto> Handle(GetMeetingQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Meeting", request.Id);
}
