using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Assessments;

public sealed record GetAssessmentQuery(Guid Id) : IRequest<AssessmentDto>;

public sealed class GetAssessmentHandler(IDbConnectionFactory db) : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken cancellationToken) =>
        (await db.ReadAsync((connection, _) => AssessmentRow.LoadAsync(connection, null, request.Id), cancellationToken))?.ToDto()
            ?? throw new NotFoundException("Assessment", request.Id);
}
