using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>The delivery log of one subscription (by default newest first), with the shared keyset paging and sorts.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, ListOptions List) : IRequest<Page<WebhookDeliveryDto>>, IListQuery
{
    /// <summary>Sorts: -attemptedAt (default), attemptedAt, seq.</summary>
    public static readonly ListDefinition Sorts = new("id", "attempted_at", "-attemptedAt",
        new SortColumn("attemptedAt", "attempted_at", SortKind.Instant),
        new SortColumn("seq", "seq", SortKind.Number));
}

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator() =>
        Include(new ListOptionsValidator<ListWebhookDeliveriesQuery>(ListWebhookDeliveriesQuery.Sorts));
}

public sealed class ListWebhookDeliveriesHandler(IDbConnectionFactory db)
    : IRequestHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    public async Task<Page<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var p = new DynamicParameters();
        p.Add("subscriptionId", request.SubscriptionId);
        var sql = new ListSql(WebhookReads.DeliveryColumns, "webhook_deliveries", ["subscription_id = @subscriptionId"], p);
        var (exists, page) = await db.ReadAsync(async (connection, ct) =>
        {
            var found = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM webhook_subscriptions WHERE id = @SubscriptionId", request, cancellationToken: ct)) > 0;
            var rows = await connection.QueryListAsync<WebhookDeliveryDto>(db.Dialect, ListWebhookDeliveriesQuery.Sorts, request.List,
                sql, d => d.Id, ct);
            return (found, rows);
        }, cancellationToken);
        if (!exists) throw new NotFoundException("Webhook subscription", request.SubscriptionId);
        return page;
    }
}
