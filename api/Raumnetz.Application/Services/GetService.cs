using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Services;

/// <summary>One service, archived or not, with its locations and their latest capacity.</summary>
public sealed record GetServiceQuery(Guid Id) : IRequest<ServiceDto>;

public sealed class GetServiceHandler(IDbConnectionFactory db, ServiceReads reads) : IRequestHandler<GetServiceQuery, ServiceDto>
{
    public async Task<ServiceDto> Handle(GetServiceQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Service", request.Id);
}
