using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Sends the event of a logged delivery again, now, with the same webhook-id (so a receiver that already has it can drop it),
/// and logs the attempt as manual. The subscription's position and retry schedule stay as they are.
/// </summary>
public sealed record RedeliverWebhookDeliveryCommand(Guid SubscriptionId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class RedeliverWebhookDeliveryHandler(IUnitOfWork unitOfWork, IDbConnectionFactory db, WebhookReads reads,
    IWebhookSender sender, IWebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<RedeliverWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(RedeliverWebhookDeliveryCommand request, CancellationToken cancellationToken)
    {
        // Everything is read and sent before the transaction opens: a slow receiver holds no lock.
        var (target, delivery, change, attempts) = await db.ReadAsync(async (connection, ct) =>
        {
            var target = await WebhookLog.TargetAsync(connection, null, request.SubscriptionId, ct);
            var delivery = target is null ? null
                : await reads.LoadDeliveryAsync(connection, null, request.SubscriptionId, request.DeliveryId, ct);
            var change = delivery is { Seq: > 0 } ? await WebhookFeed.LoadAsync(connection, null, delivery.Seq, ct) : null;
            var attempts = delivery is null ? 0
                : await WebhookLog.AttemptsAsync(connection, null, request.SubscriptionId, delivery.EventId, ct);
            return (target, delivery, change, attempts);
        }, cancellationToken);
        if (target is null) throw new NotFoundException("Webhook subscription", request.SubscriptionId);
        if (delivery is null) throw new NotFoundException("Webhook delivery", request.DeliveryId);
        var now = clock.GetUtcNow();
        string body;
        if (delivery.Seq == 0) body = WebhookEvents.PingPayload(target.Id, now);
        else if (change is not null) body = WebhookEvents.Payload(change);
        else throw new ConflictException(Messages.Webhooks_EventGone);
        var result = await sender.SendAsync(target.Url, secrets.Unprotect(target.Secret), delivery.EventId, now, body, cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        return await WebhookLog.WriteAsync(connection, tx, target.Id, delivery.Seq, delivery.EventId, delivery.EventType, attempts + 1,
            manual: true, result, now, cancellationToken);
    }
}
