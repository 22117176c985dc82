using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

public sealed record GetMeetingQuery(Guid Id) : IRequest<MeetingDto>;

public sealed class GetMeetingHandler(IDbConnectionFactory db, IMapper mapper) : IRequestHandler<GetMeetingQuery, MeetingDto>
{
    public async Task<MeetingDto> Handle(GetMeetingQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await MeetingLoader.LoadAsync(connection, null, mapper, request.Id) ?? throw new NotFoundException("Meeting", request.Id);
    }
}
