using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Webhooks;

/// <summary>The editable fields of a webhook subscription.</summary>
public abstract record WebhookFields
{
    protected WebhookFields() { }

    protected WebhookFields(WebhookFields other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Url = other.Url;
        EventTypes = other.EventTypes;
        Description = other.Description;
    }

    /// <summary>The receiver's address: https (http only in development), not in a private, loopback or link-local range.</summary>
    public string Url { get; init; } = "";
    /// <summary>Event types: entity.action (actor.create), entity.* (actor.*) or * for every change.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public string? Description { get; init; }
}

public abstract class WebhookFieldsValidator<T> : AbstractValidator<T> where T : WebhookFields
{
    protected WebhookFieldsValidator()
    {
        RuleFor(x => x.Url).RequiredText(Limits.Url)
            .Must(v => Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .WithMessage(_ => Messages.Rule_Url);
        RuleFor(x => x.EventTypes).NotEmpty().Must(t => t.Count <= WebhookEvents.MaxEventTypes)
            .WithMessage(_ => Text.Format(Messages.Webhooks_TooManyEventTypes, WebhookEvents.MaxEventTypes));
        RuleForEach(x => x.EventTypes).NotEmpty().MaximumLength(WebhookEvents.MaxEventType)
            .Must(t => WebhookEvents.TypePattern().IsMatch(t)).WithMessage(_ => Messages.Webhooks_EventType)
            .Must(t => t == "*" || !WebhookEvents.TypePattern().IsMatch(t)
                || IsFeedEntityType(t[..t.IndexOf('.', StringComparison.Ordinal)]))
            .WithMessage((_, t) => Text.Format(Messages.Webhooks_UnknownEntityType, t, string.Join(", ", Changes.ChangeFeed.EntityTypes)));
        RuleFor(x => x.Description).MaximumLength(WebhookEvents.MaxDescription);
    }

    private static bool IsFeedEntityType(string entity) =>
        Changes.ChangeFeed.EntityTypes.Contains(entity, StringComparer.OrdinalIgnoreCase);
}
