using AutoMapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Tasks;

public sealed record GetTaskQuery(Guid Id) : IRequest<TaskDto>;

public sealed class GetTaskHandler(IDbConnectionFactory db, IMapper mapper, TimeProvider clock) : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await TaskLoader.LoadAsync(connection, null, db.Dialect, mapper, request.Id, clock.Today()) ?? throw new NotFoundException("Task", request.Id);
    }
}
