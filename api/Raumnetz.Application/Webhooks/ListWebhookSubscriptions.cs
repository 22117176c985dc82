using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>The subscriptions (by default in the order they were created), with the shared keyset paging and sorts.</summary>
public sealed record ListWebhookSubscriptionsQuery(ListOptions List) : IRequest<Page<WebhookSubscriptionDto>>, IListQuery
{
    /// <summary>Sorts: createdAt (default), url, updatedAt.</summary>
    public static readonly ListDefinition Sorts = new("id", "updated_at", "createdAt",
        new SortColumn("createdAt", "created_at", SortKind.Instant),
        new SortColumn("url", "url", SortKind.Text),
        new SortColumn("updatedAt", "updated_at", SortKind.Instant));
}

public sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator() =>
        Include(new ListOptionsValidator<ListWebhookSubscriptionsQuery>(ListWebhookSubscriptionsQuery.Sorts));
}

public sealed class ListWebhookSubscriptionsHandler(IDbConnectionFactory db)
    : IRequestHandler<ListWebhookSubscriptionsQuery, Page<WebhookSubscriptionDto>>
{
    public async Task<Page<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var sql = new ListSql(WebhookReads.Columns, "webhook_subscriptions", [], new DynamicParameters());
        var page = await db.ReadAsync((connection, ct) => connection.QueryListAsync<WebhookReads.SubscriptionRow>(db.Dialect,
            ListWebhookSubscriptionsQuery.Sorts, request.List, sql, r => r.Id, ct), cancellationToken);
        return new Page<WebhookSubscriptionDto>([.. page.Items.Select(r => r.ToDto())], page.NextCursor, page.Total);
    }
}
