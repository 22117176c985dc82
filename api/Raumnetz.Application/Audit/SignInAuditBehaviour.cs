using System.Text.Json.Nodes;
using Dapper;
using MediatR;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Common;

namespace Raumnetz.Application.Audit;

/// <summary>
/// Records sign-ins in the audit trail: a successful one under the user, a failed or throttled one under the account the
/// e-mail address names (or none, for an unknown address) with the address tried. Never the password. A sign-in is no
/// command (a failure is an answer that must be kept), so its entry is written on a connection of its own.
/// </summary>
public sealed class SignInAuditBehaviour(IDbConnectionFactory db, TimeProvider clock) : IPipelineBehavior<LoginCommand, LoginResult>
{
    public async Task<LoginResult> Handle(LoginCommand request, CancellationToken cancellationToken,
        RequestHandlerDelegate<LoginResult> next)
    {
        var result = await next();
        await using var connection = await db.OpenAsync(cancellationToken);
        if (result.User is { } user)
        {
            await AuditLog.WriteAsync(connection, null, new AuditRecord
            {
                Principal = "user:" + user.Id, UserId = user.Id, EntityType = AuditEntities.UserEvent.Type, EntityId = user.Id.ToString(),
                Action = "signIn", TraceId = AuditTrail.CurrentTraceId(), OccurredAt = clock.GetUtcNow(),
            }, cancellationToken);
            return result;
        }
        var key = request.Email.Trim().ToLowerInvariant();
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM users WHERE email_key = @key", new { key }, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, null, new AuditRecord
        {
            Principal = "anonymous", EntityType = AuditEntities.UserEvent.Type, EntityId = userId?.ToString(),
            Action = result.RetryAfter is null ? "signInFailed" : "signInThrottled",
            Changes = new Dictionary<string, (JsonNode? Old, JsonNode? New)> { ["email"] = (null, JsonValue.Create(request.Email.Trim())) },
            TraceId = AuditTrail.CurrentTraceId(), OccurredAt = clock.GetUtcNow(),
        }, cancellationToken);
        return result;
    }
}
