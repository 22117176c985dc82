using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;

namespace Raumnetz.Api.Endpoints;

/// <summary>
/// The audit trail: read-only, administrators only (the latest imports, a small read of it, for every signed-in account).
/// No operation edits or deletes an entry.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAuditEntries).WithName(nameof(ListAuditEntries)).Sorted(ListAuditEntriesQuery.Sorts)
            .WithSummary("The audit trail, newest first: who (user or API key) changed which entity when, the action, the changed fields "
                + "with old and new values (never passwords or secrets) and the request's trace id. Filters: entity, entity type, user or "
                + "principal, period; keyset pagination.").Errors(400);
        app.MapGroup("/api/v1/imports").WithTags("Audit").RequireAuthorization(Policies.Read)
            .MapGet("/recent", ListRecentImports).WithName(nameof(ListRecentImports))
            .WithSummary("The latest imports (indicator values, spaces, inventory tables, HSDS), newest first, "
                + "for every signed-in account: "
                + "when, by whom (display name as it is now), what kind and the import's counts; read from the audit trail (dry runs leave "
                + "no entry).").Errors(400);
    }

    /// <param name="limit">How many, 1 to 20 (default 5).</param>
    public static async Task<Ok<IReadOnlyList<RecentImportDto>>> ListRecentImports(IMediator mediator, int? limit, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListRecentImportsQuery(limit), ct));

    /// <param name="entityId">Only entries about this entity (its id; a code for actor types).</param>
    /// <param name="entityType">Only entries about this kind of entity (actor, space, network, networkMember, user, apiKey, ...).</param>
    /// <param name="userId">Only entries of this user.</param>
    /// <param name="principal">Only entries of this principal ('user:&lt;id&gt;', 'key:&lt;id&gt;', 'anonymous').</param>
    /// <param name="from">Only entries at or after this instant (ISO 8601).</param>
    /// <param name="to">Only entries before this instant (ISO 8601).</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<AuditEntryDto>>> ListAuditEntries(IMediator mediator, string? entityId, string? entityType,
        Guid? userId, string? principal, DateTimeOffset? from, DateTimeOffset? to, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(
            new ListAuditEntriesQuery(entityId, entityType, userId, principal, from, to, list.Options), ct));
}
