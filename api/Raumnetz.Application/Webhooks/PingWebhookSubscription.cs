using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Sends a test event (type webhook.ping) to the subscription's URL now, signed like every event, and logs the attempt. Works
/// on paused and disabled subscriptions too, so a receiver can be checked before it is enabled again.
/// </summary>
public sealed record PingWebhookSubscriptionCommand(Guid Id) : ICommand<WebhookDeliveryDto>;

public sealed class PingWebhookSubscriptionHandler(IUnitOfWork unitOfWork, IDbConnectionFactory db, IWebhookSender sender,
    IWebhookSecrets secrets, TimeProvider clock) : IRequestHandler<PingWebhookSubscriptionCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(PingWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var target = await db.ReadAsync((connection, ct) => WebhookLog.TargetAsync(connection, null, request.Id, ct), cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", request.Id);
        var now = clock.GetUtcNow();
        var eventId = $"ping_{Guid.CreateVersion7():N}";
        var result = await sender.SendAsync(target.Url, secrets.Unprotect(target.Secret), eventId, now,
            WebhookEvents.PingPayload(target.Id, now), cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return await WebhookLog.WriteAsync(connection, tx, target.Id, 0, eventId, WebhookEvents.PingType, 1, manual: true, result, now,
            cancellationToken);
    }
}
