using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Assessments;

public sealed record GetAssessmentQuery(Guid Id) : IRequest<AssessmentDto>;

public sealed class GetAssessmentHandler(IDbConnectionFactory db, AssessmentReads reads)
    : IRequestHandler<GetAssessmentQuery, AssessmentDto>
{
    public async Task<AssessmentDto> Handle(GetAssessmentQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Assessment", request.Id);
}
