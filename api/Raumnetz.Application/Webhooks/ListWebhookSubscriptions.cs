using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>The subscriptions in the order they were created, with keyset pagination.</summary>
public sealed record ListWebhookSubscriptionsQuery(int? Limit, string? Cursor) : IRequest<Page<WebhookSubscriptionDto>>;

public sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptionsQuery>
{
    public ListWebhookSubscriptionsValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(x => x.Cursor).Must(c => Cursor.TryDecode(c, out _)).WithMessage(_ => Messages.Rule_Cursor);
    }
}

public sealed class ListWebhookSubscriptionsHandler(IDbConnectionFactory db)
    : IRequestHandler<ListWebhookSubscriptionsQuery, Page<WebhookSubscriptionDto>>
{
    public async Task<Page<WebhookSubscriptionDto>> Handle(ListWebhookSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var limit = request.Limit ?? Paging.DefaultLimit;
        Cursor.TryDecode(request.Cursor, out var cursor);
        var rows = await db.ReadAsync(async (connection, ct) => (await connection.QueryAsync<WebhookReads.SubscriptionRow>(
            new CommandDefinition($"""
                SELECT {WebhookReads.Columns} FROM webhook_subscriptions
                {(cursor is null ? "" : "WHERE id > @after")}
                ORDER BY id {db.Dialect.Limit("@take")}
                """, new { after = cursor?.Id, take = limit + 1 }, cancellationToken: ct))).Select(r => r.ToDto()).ToList(),
            cancellationToken);
        return Paging.ToPage(rows, limit, s => ("", s.Id));
    }
}
