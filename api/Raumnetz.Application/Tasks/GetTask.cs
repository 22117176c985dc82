using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Tasks;

public sealed record GetTaskQuery(Guid Id) : IRequest<TaskDto>;

public sealed class GetTaskHandler(IDbConnectionFactory db, TaskReads reads, TimeProvider clock) : IRequestHandler<GetTaskQuery, TaskDto>
{
    public async Task<TaskDto> Handle(GetTaskQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, clock.Today(), ct), cancellationToken)
            ?? throw new NotFoundException("Task", request.Id);
}
