using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

public sealed record GetWebhookSubscriptionQuery(Guid Id) : IRequest<WebhookSubscriptionDto>;

public sealed class GetWebhookSubscriptionHandler(IDbConnectionFactory db, WebhookReads reads)
    : IRequestHandler<GetWebhookSubscriptionQuery, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(GetWebhookSubscriptionQuery request, CancellationToken cancellationToken) =>
        await db.ReadAsync((connection, ct) => reads.LoadAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", request.Id);
}
