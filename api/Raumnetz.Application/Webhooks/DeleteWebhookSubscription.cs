using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>Deletes a subscription with its delivery log (If-Match). Nothing more is sent to it.</summary>
public sealed record DeleteWebhookSubscriptionCommand(Guid Id, long? ExpectedVersion) : ICommand<Unit>;

public sealed class DeleteWebhookSubscriptionHandler(IUnitOfWork unitOfWork) : IRequestHandler<DeleteWebhookSubscriptionCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "webhook_subscriptions", "Webhook subscription", request.Id,
            request.ExpectedVersion);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM webhook_deliveries WHERE subscription_id = @Id", request, tx,
            cancellationToken: cancellationToken));
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webhook_subscriptions WHERE id = @Id AND version = @version", new { request.Id, version }, tx,
            cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Webhook subscription", request.Id, version);
        return Unit.Value;
    }
}
