using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Changes;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Audit;

/// <summary>
/// Records the audit entry of a command in the command's own transaction (<see cref="UnitOfWorkBehaviour{TRequest, TResponse}"/>
/// calls it around the handler): <see cref="BeginAsync"/> reads the entity's state before the handler runs,
/// <see cref="CompleteAsync"/> reads it after and writes the entry with the changed fields. A command that throws is
/// rolled back with its entry, so a failed write leaves none.
/// </summary>
public sealed class AuditTrail(IServiceProvider services, IUnitOfWork unitOfWork)
{
    public sealed class Pending
    {
        internal AuditRegistration? Registration { get; init; }
        internal string? Id { get; init; }
        internal object? Before { get; init; }
    }

    private static readonly Pending Nothing = new();

    public async Task<Pending> BeginAsync(object command, CancellationToken ct)
    {
        var registration = AuditRegistry.Default.Find(command.GetType());
        if (registration is null || registration.NotAudited is not null) return Nothing;
        string? id = registration.IdBefore?.Invoke(command);
        object? before = null;
        if ((id is not null || registration.IdLookup is not null) && registration.Entity.Load is { } load)
        {
            var (connection, tx) = await unitOfWork.OpenAsync(ct);
            id ??= await registration.IdLookup!(command, connection, tx);
            if (id is not null) before = await load(services, connection, tx, id, ct);
        }
        return new Pending { Registration = registration, Id = id, Before = before };
    }

    public async Task CompleteAsync(Pending pending, object command, object? response, CancellationToken ct)
    {
        if (pending.Registration is not { } registration) return;
        var (connection, tx) = await unitOfWork.OpenAsync(ct);
        var id = registration.IdAfter?.Invoke(command, response) ?? pending.Id;
        var after = id is not null && registration.Entity.Load is { } load ? await load(services, connection, tx, id, ct) : null;
        var changes = registration.Summary is { } summary ? AuditLog.Diff(null, summary(response)) : AuditLog.Diff(pending.Before, after);
        var user = services.GetService<ICurrentUser>();
        var action = registration.ActionOf?.Invoke(response) ?? registration.Action;
        var occurredAt = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        await AuditLog.WriteAsync(connection, tx, new AuditRecord
        {
            Principal = user?.Principal ?? "anonymous", UserId = user?.UserId, ApiKeyId = user?.ApiKeyId,
            EntityType = registration.Entity.Type, EntityId = id, Action = action,
            Changes = changes, TraceId = CurrentTraceId(), OccurredAt = occurredAt,
        }, ct);
        // The changes feed, in the same transaction; imports record their rows themselves (ChangeFeed.RecordRowsAsync).
        if (id is not null && ChangeFeed.RecordedByAuditTrail(registration) && ChangeFeed.IsChange(action))
            await ChangeFeed.RecordAsync(connection, tx, unitOfWork.Dialect,
                ChangeFeed.Of(registration.Entity.Type, id, action, pending.Before, after, changes.Keys, occurredAt), ct);
    }

    /// <summary>The W3C trace id of the current activity (the request's, which honours an incoming traceparent).</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;
}
