using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>The delivery log of one subscription, newest first, with keyset pagination.</summary>
public sealed record ListWebhookDeliveriesQuery(Guid SubscriptionId, int? Limit, string? Cursor) : IRequest<Page<WebhookDeliveryDto>>;

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListWebhookDeliveriesHandler(IDbConnectionFactory db)
    : IRequestHandler<ListWebhookDeliveriesQuery, Page<WebhookDeliveryDto>>
{
    public async Task<Page<WebhookDeliveryDto>> Handle(ListWebhookDeliveriesQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        Cursor.TryDecode(request.Cursor, out var cursor);
        var (exists, rows) = await db.ReadAsync(async (connection, ct) =>
        {
            var found = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM webhook_subscriptions WHERE id = @SubscriptionId", request, cancellationToken: ct)) > 0;
            var items = (await connection.QueryAsync<WebhookDeliveryDto>(new CommandDefinition($"""
                SELECT {WebhookReads.DeliveryColumns} FROM webhook_deliveries
                WHERE subscription_id = @SubscriptionId {(cursor is null ? "" : "AND id < @before")}
                ORDER BY id DESC {db.Dialect.Limit("@take")}
                """, new { request.SubscriptionId, before = cursor?.Id, take = limit + 1 }, cancellationToken: ct))).ToList();
            return (found, items);
        }, cancellationToken);
        if (!exists) throw new NotFoundException("Webhook subscription", request.SubscriptionId);
        return Paging.ToPage(rows, limit, d => ("", d.Id));
    }
}
