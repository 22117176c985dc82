using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Changes;

namespace Raumnetz.Api.Endpoints;

/// <summary>
/// The changes feed: every create, update, archive, end and delete of what the caller may read, in commit order, resumable
/// from an opaque cursor. See openapi/guide/changes-feed.md.
/// </summary>
public static class ChangesEndpoints
{
    public static void MapChangesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/changes").WithTags("Changes").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListChanges).WithName(nameof(ListChanges))
            .WithSummary("The changes feed, oldest first: each change's entity type and id, action (create, update, archive, restore, end, "
                + "delete as a tombstone, ...), new version, time and changed fields, after the position 'after' (none: from the start). "
                + "The answer's 'next' is always set, also on an empty page: poll with it. Changes appear in commit order and none is "
                + "ever skipped. Administrators also see users and API keys; a key or user whose role does not write and that holds "
                + "grants sees only the changes inside its networks and space subtrees.").Errors(400);
        group.MapGet("/latest", GetLatestChangeCursor).WithName(nameof(GetLatestChangeCursor))
            .WithSummary("The feed's current end as a cursor: take it before copying the lists for a first copy, then poll "
                + "ListChanges after it.");
    }

    /// <param name="after">The 'next' (or an item's 'cursor') of an earlier answer; none: from the start of the feed.</param>
    /// <param name="types">Only these entity types, comma-separated, at most 50 (actor, space, observation, ...): 400 if unknown.</param>
    /// <param name="limit">Page size, 1 to 500 (default 50).</param>
    public static async Task<Ok<ChangesPage>> ListChanges(IMediator mediator, string? after, string? types, int? limit,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListChangesQuery(after, types, limit), ct));

    public static async Task<Ok<ChangeCursorDto>> GetLatestChangeCursor(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetLatestChangeCursorQuery(), ct));
}
