using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>
/// Registers a receiver for changes from now on (its position starts at the newest change). The secret is generated when
/// not given; it is stored protected and returned only in this answer.
/// </summary>
public sealed record CreateWebhookSubscriptionCommand : WebhookFields, ICommand<CreatedWebhookSubscriptionDto>
{
    public CreateWebhookSubscriptionCommand() { }

    public CreateWebhookSubscriptionCommand(WebhookFields fields) : base(fields) { }

    /// <summary>whsec_ and base64 of 24 to 64 random bytes; generated when null.</summary>
    public string? Secret { get; init; }
    public string CreatedBy { get; init; } = "";
}

public sealed class CreateWebhookSubscriptionValidator : WebhookFieldsValidator<CreateWebhookSubscriptionCommand>
{
    public CreateWebhookSubscriptionValidator()
    {
        RuleFor(x => x.Secret).MaximumLength(200).Must(s => s is null || WebhookEvents.IsValidSecret(s))
            .WithMessage(_ => Messages.Webhooks_Secret);
    }
}

public sealed class CreateWebhookSubscriptionHandler(IUnitOfWork unitOfWork, WebhookReads reads, IWebhookTargets targets,
    IWebhookSecrets secrets, TimeProvider clock) : IRequestHandler<CreateWebhookSubscriptionCommand, CreatedWebhookSubscriptionDto>
{
    public async Task<CreatedWebhookSubscriptionDto> Handle(CreateWebhookSubscriptionCommand request, CancellationToken cancellationToken)
    {
        // The address check may ask DNS: before the transaction opens.
        await targets.CheckAsync(request.Url, "url", cancellationToken);
        var secret = request.Secret ?? WebhookEvents.NewSecret();
        var id = Guid.CreateVersion7();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var position = await WebhookFeed.HeadAsync(connection, tx, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO webhook_subscriptions (id, url, event_types, secret, description, active, disabled_reason, disabled_at,
                last_seq, next_attempt_at, failing_since, attempts, leased_by, leased_until, created_by, version, created_at, updated_at)
            VALUES (@id, @url, @types, @secret, @description, @active, NULL, NULL, @position, NULL, NULL, 0, NULL, NULL, @CreatedBy, 1,
                @now, @now)
            """, new
        {
            id, url = request.Url.Trim(), types = WebhookReads.TypesJson(request.EventTypes), secret = secrets.Protect(secret),
            description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(), active = true,
            position, request.CreatedBy, now = clock.GetUtcNow(),
        }, tx, cancellationToken: cancellationToken));
        var created = (await reads.LoadAsync(connection, tx, id, cancellationToken))!;
        return new CreatedWebhookSubscriptionDto
        {
            Id = created.Id, Url = created.Url, EventTypes = created.EventTypes, Description = created.Description, Active = created.Active,
            Position = created.Position, CreatedBy = created.CreatedBy, Version = created.Version, CreatedAt = created.CreatedAt,
            UpdatedAt = created.UpdatedAt, Secret = secret,
        };
    }
}
