using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Webhooks;

namespace Raumnetz.Api.Endpoints;

/// <summary>Webhook subscriptions, their delivery log, redelivery and ping: administrators only.</summary>
public static class WebhooksEndpoints
{
    public static void MapWebhooksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListWebhookSubscriptions).WithName(nameof(ListWebhookSubscriptions)).Sorted(ListWebhookSubscriptionsQuery.Sorts)
            .WithSummary("List webhook subscriptions (never their secrets) with their state, position and retry schedule.").Errors(400);
        group.MapPost("/", CreateWebhookSubscription).WithName(nameof(CreateWebhookSubscription))
            .WithSummary(
                "Subscribe a receiver to changes from now on. Deliveries follow the Standard Webhooks specification (webhook-id, " +
                "webhook-timestamp, webhook-signature v1 with HMAC-SHA256); the secret (whsec_..., generated when not given) is " +
                "returned this once. The URL must be https and must not resolve to a private, loopback or link-local address " +
                "(400 naming url) unless the configuration allows it.")
            .Errors(400, 413);
        group.MapGet("/{id}", GetWebhookSubscription).WithName(nameof(GetWebhookSubscription))
            .WithSummary("One webhook subscription with its ETag; disabledReason says why a disabled one stopped.").Errors(400, 404);
        group.MapPut("/{id}", UpdateWebhookSubscription).WithName(nameof(UpdateWebhookSubscription))
            .WithSummary(
                "Replace a subscription's URL, event types, description and active state (If-Match). active=false pauses it; " +
                "active=true resumes a paused or disabled one, retrying the pending event at once.")
            .Errors(400, 404, 412, 413);
        group.MapDelete("/{id}", DeleteWebhookSubscription).WithName(nameof(DeleteWebhookSubscription))
            .WithSummary("Delete a subscription and its delivery log (If-Match).").Errors(400, 404, 412);
        group.MapGet("/{id}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .Sorted(ListWebhookDeliveriesQuery.Sorts)
            .WithSummary(
                "The delivery log of a subscription, newest first: every attempt with its status code, duration, the start of " +
                "the response (at most 1 KB) and the error.")
            .Errors(400, 404);
        group.MapPost("/{id}/deliveries/{deliveryId}/redeliver", RedeliverWebhookDelivery).WithName(nameof(RedeliverWebhookDelivery))
            .WithSummary(
                "Send the event of a logged delivery again now, with the same webhook-id, and log the attempt (manual). The " +
                "subscription's position and retry schedule are not changed.")
            .Errors(400, 404, 409);
        group.MapPost("/{id}/ping", PingWebhookSubscription).WithName(nameof(PingWebhookSubscription))
            .WithSummary("Send a signed test event (type webhook.ping) to the subscription's URL now and log the attempt.")
            .Errors(400, 404);
    }

    public static async Task<Ok<Page<WebhookSubscriptionDto>>> ListWebhookSubscriptions(IMediator mediator,
        [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListWebhookSubscriptionsQuery(list.Options), ct));

    public static async Task<Created<CreatedWebhookSubscriptionDto>> CreateWebhookSubscription(CreateWebhookSubscriptionRequest body,
        IMediator mediator, ICurrentUser user, HttpContext context)
    {
        var created = await mediator.Send(new CreateWebhookSubscriptionCommand(body) { Secret = body.Secret, CreatedBy = user.Principal },
            context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/webhooks/{created.Id}", created, created.Version);
    }

    public static async Task<Ok<WebhookSubscriptionDto>> GetWebhookSubscription(Guid id, IMediator mediator, HttpContext context)
    {
        var subscription = await mediator.Send(new GetWebhookSubscriptionQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(subscription, subscription.Version));
    }

    public static async Task<Ok<WebhookSubscriptionDto>> UpdateWebhookSubscription(Guid id, UpdateWebhookSubscriptionRequest body,
        IMediator mediator, HttpContext context)
    {
        var subscription = await mediator.Send(new UpdateWebhookSubscriptionCommand(body)
        {
            Id = id, Active = body.Active, ExpectedVersion = ETags.IfMatch(context.Request),
        }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(subscription, subscription.Version));
    }

    public static async Task<NoContent> DeleteWebhookSubscription(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteWebhookSubscriptionCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <param name="id">The subscription.</param>
    public static async Task<Ok<Page<WebhookDeliveryDto>>> ListWebhookDeliveries(Guid id, IMediator mediator,
        [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, list.Options), ct));

    public static async Task<Ok<WebhookDeliveryDto>> RedeliverWebhookDelivery(Guid id, Guid deliveryId, IMediator mediator,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new RedeliverWebhookDeliveryCommand(id, deliveryId), ct));

    public static async Task<Ok<WebhookDeliveryDto>> PingWebhookSubscription(Guid id, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new PingWebhookSubscriptionCommand(id), ct));
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record CreateWebhookSubscriptionRequest : WebhookFields, IBodyOf<CreateWebhookSubscriptionCommand>
{
    public string? Secret { get; init; }
}

public sealed record UpdateWebhookSubscriptionRequest : WebhookFields, IBodyOf<UpdateWebhookSubscriptionCommand>
{
    public bool Active { get; init; } = true;
}
