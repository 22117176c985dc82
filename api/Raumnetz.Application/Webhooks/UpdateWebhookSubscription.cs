using Dapper;
using MediatR;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Replaces a subscription's URL, event types, description and state (If-Match). Setting <see cref="Active"/> to true on a
/// disabled subscription enables it again: the pending event is tried at once, with a fresh retry schedule.
/// </summary>
public sealed record UpdateWebhookSubscriptionCommand : WebhookFields, ICommand<WebhookSubscriptionDto>
{
    public UpdateWebhookSubscriptionCommand() { }

    public UpdateWebhookSubscriptionCommand(WebhookFields fields) : base(fields) { }

    public Guid Id { get; init; }
    /// <summary>False pauses deliveries; true resumes them (and enables a subscription the dispatcher disabled).</summary>
    public bool Active { get; init; } = true;
    public long? ExpectedVersion { get; init; }
}

public sealed class UpdateWebhookSubscriptionValidator : WebhookFieldsValidator<UpdateWebhookSubscriptionCommand>;

public sealed class UpdateWebhookSubscriptionHandler(IUnitOfWork unitOfWork, WebhookReads reads, IWebhookTargets targets,
    TimeProvider clock) : IRequestHandler<UpdateWebhookSubscriptionCommand, WebhookSubscriptionDto>
{
    public async Task<WebhookSubscriptionDto> Handle(UpdateWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        await targets.CheckAsync(request.Url, "url", cancellationToken);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var version = await Versioning.CheckAsync(connection, tx, "webhook_subscriptions", "Webhook subscription", request.Id,
            request.ExpectedVersion);
        var current = (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
        var now = clock.GetUtcNow();
        var resumed = request.Active && !current.Active;
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE webhook_subscriptions SET url = @url, event_types = @types, description = @description, active = @active,
                disabled_reason = CASE WHEN @active = @yes THEN NULL ELSE @reason END,
                disabled_at = CASE WHEN @active = @yes THEN NULL ELSE COALESCE(disabled_at, @now) END,
                attempts = CASE WHEN @resumed = @yes THEN 0 ELSE attempts END,
                next_attempt_at = CASE WHEN @resumed = @yes THEN NULL ELSE next_attempt_at END,
                failing_since = CASE WHEN @resumed = @yes THEN NULL ELSE failing_since END,
                version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, new
        {
            id = request.Id, version, url = request.Url.Trim(), types = WebhookReads.TypesJson(request.EventTypes),
            description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(), active = request.Active,
            yes = true, resumed, reason = current.Active ? WebhookDispatcher.PausedReason : current.DisabledReason, now,
        }, tx, cancellationToken: cancellationToken));
        Versioning.EnsureUpdated(rows, "Webhook subscription", request.Id, version);
        return (await reads.LoadAsync(connection, tx, request.Id, cancellationToken))!;
    }
}
