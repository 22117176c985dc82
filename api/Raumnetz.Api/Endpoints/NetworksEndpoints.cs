using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Api.Endpoints;

/// <summary>Networks, their members, composition and health.</summary>
public static class NetworksEndpoints
{
    public static void MapNetworksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/networks").WithTags("Networks").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListNetworks).WithName(nameof(ListNetworks)).Sorted(ListNetworksQuery.Sorts)
            .WithSummary(
                "List networks sorted by name, filtered by space (with the spaces below it), kind, status, member actor and text; keyset " +
                "pagination.").Errors(400);
        group.MapGet("/attention", ListNetworksNeedingAttention).WithName(nameof(ListNetworksNeedingAttention))
            .WithSummary(
                "Networks needing attention: missing mandate, no meeting for more than twice the cadence, overdue agreements, low " +
                "attendance.").Errors(400);
        group.MapGet("/{id}", GetNetwork).WithName(nameof(GetNetwork))
            .WithSummary("One network with functions, goals, spaces and links both ways; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateNetwork).WithName(nameof(CreateNetwork)).RequireAuthorization(Policies.Write)
            .WithSummary("Create a network; the mandate is required, links must not form a cycle.").Errors(400, 413);
        group.MapPut("/{id}", UpdateNetwork).WithName(nameof(UpdateNetwork)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a network (If-Match with its ETag); lists left out stay unchanged.")
                .Errors(400, 404, 412, 413);
        group.MapPost("/{id}/end", EndNetwork).WithName(nameof(EndNetwork)).RequireAuthorization(Policies.Write)
            .WithSummary("End a network on a date; open memberships end with it, everything stays visible as history.")
                .Errors(400, 404, 412);
        group.MapGet("/{id}/health", GetNetworkHealth).WithName(nameof(GetNetworkHealth))
            .WithSummary(
                "Health of a network: last and next meeting, attendance rate, open and overdue agreements, missing mandate, overdue " +
                "meeting.").Errors(400, 404);
        group.MapGet("/{id}/composition", GetNetworkComposition).WithName(nameof(GetNetworkComposition))
            .WithSummary(
                "Composition at a glance: members on a day by sector (public, civil society, private economy), actor type and role.")
                .Errors(400, 404);

        var members = app.MapGroup("/api/v1/networks/{id}/members").WithTags("NetworkMembers").RequireAuthorization(Policies.Read);
        members.MapGet("/", ListNetworkMembers).WithName(nameof(ListNetworkMembers)).Sorted(ListNetworkMembersQuery.Sorts)
            .WithSummary("Members of a network sorted by actor name, current, past and future (filter by state and role).")
                .Errors(400, 404);
        members.MapGet("/{memberId}", GetNetworkMember).WithName(nameof(GetNetworkMember))
            .WithSummary("One membership; returns its ETag.").Errors(400, 404);
        members.MapPost("/", AddNetworkMember).WithName(nameof(AddNetworkMember)).RequireAuthorization(Policies.Write)
            .WithSummary("Add an actor to a network in a role; the same role must not overlap in time (409).").Errors(400, 404, 409, 413);
        members.MapPut("/{memberId}", UpdateNetworkMember).WithName(nameof(UpdateNetworkMember)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a membership (If-Match with its ETag).").Errors(400, 404, 409, 412, 413);
        members.MapPost("/{memberId}/end", EndNetworkMember).WithName(nameof(EndNetworkMember)).RequireAuthorization(Policies.Write)
            .WithSummary("End a membership on a date; the actor stays visible as a past member.").Errors(400, 404, 412);
        members.MapDelete("/{memberId}", RemoveNetworkMember).WithName(nameof(RemoveNetworkMember)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a membership entered by mistake (409 when attendance is recorded: end it instead).")
                .Errors(400, 404, 409, 412);
    }

    /// <param name="spaceId">Only networks covering this space or a space below it.</param>
    /// <param name="kind">Only networks of this kind.</param>
    /// <param name="status">Only networks with this status.</param>
    /// <param name="memberActorId">Only networks this actor is a member of today.</param>
    /// <param name="q">Text contained in the name.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<NetworkDto>>> ListNetworks(IMediator mediator, Guid? spaceId,
        [EnumQuery(typeof(NetworkKind))] string? kind,
        [EnumQuery(typeof(NetworkStatus))] string? status, Guid? memberActorId, string? q, [AsParameters] ListParameters list,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListNetworksQuery(spaceId, EnumQuery.Parse<NetworkKind>(kind, nameof(kind)),
            EnumQuery.Parse<NetworkStatus>(status, nameof(status)), memberActorId, q, list.Options), ct));

    /// <param name="spaceId">Only networks covering this space or a space below it.</param>
    /// <param name="meetings">How many of the last meetings the attendance rate covers, 1 to 50 (default 5).</param>
    public static async Task<Ok<IReadOnlyList<NetworkHealthDto>>> ListNetworksNeedingAttention(IMediator mediator, Guid? spaceId,
        int? meetings, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListNetworksNeedingAttentionQuery(spaceId, meetings), ct));

    public static async Task<Ok<NetworkDto>> GetNetwork(Guid id, IMediator mediator, HttpContext context)
    {
        var network = await mediator.Send(new GetNetworkQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(network, network.Version));
    }

    public static async Task<Created<NetworkDto>> CreateNetwork(CreateNetworkCommand request, IMediator mediator, HttpContext context)
    {
        var network = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/networks/{network.Id}", network, network.Version);
    }

    public static async Task<Ok<NetworkDto>> UpdateNetwork(Guid id, UpdateNetworkRequest body, IMediator mediator, HttpContext context)
    {
        var network = await mediator.Send(new UpdateNetworkCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(network, network.Version));
    }

    public static async Task<Ok<NetworkDto>> EndNetwork(Guid id, EndNetworkRequest body, IMediator mediator, HttpContext context)
    {
        var network = await mediator.Send(
            new EndNetworkCommand { Id = id, ExpectedVersion = ETags.IfMatch(context.Request), EndedOn = body.EndedOn },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(network, network.Version));
    }

    /// <param name="meetings">How many of the last meetings the attendance rate covers, 1 to 50 (default 5).</param>
    public static async Task<Ok<NetworkHealthDto>> GetNetworkHealth(Guid id, int? meetings, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetNetworkHealthQuery(id, meetings), ct));

    /// <param name="on">The day (yyyy-MM-dd); today when omitted.</param>
    public static async Task<Ok<NetworkCompositionDto>> GetNetworkComposition(Guid id, DateOnly? on, IMediator mediator,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetNetworkCompositionQuery(id, on), ct));

    /// <param name="state">Only current, past or future memberships (as of today).</param>
    /// <param name="role">Only memberships in this role.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<NetworkMemberDto>>> ListNetworkMembers(Guid id, IMediator mediator,
        [EnumQuery(typeof(MembershipState))] string? state,
        [EnumQuery(typeof(MemberRole))] string? role, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListNetworkMembersQuery(id, EnumQuery.Parse<MembershipState>(state, nameof(state)),
            EnumQuery.Parse<MemberRole>(role, nameof(role)), list.Options), ct));

    public static async Task<Ok<NetworkMemberDto>> GetNetworkMember(Guid id, Guid memberId, IMediator mediator, HttpContext context)
    {
        var member = await mediator.Send(new GetNetworkMemberQuery(id, memberId), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(member, member.Version));
    }

    public static async Task<Created<NetworkMemberDto>> AddNetworkMember(Guid id, AddNetworkMemberRequest body, IMediator mediator,
        HttpContext context)
    {
        var member = await mediator.Send(new AddNetworkMemberCommand(body) { NetworkId = id }, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/networks/{id}/members/{member.Id}", member, member.Version);
    }

    public static async Task<Ok<NetworkMemberDto>> UpdateNetworkMember(Guid id, Guid memberId, UpdateNetworkMemberRequest body,
        IMediator mediator, HttpContext context)
    {
        var member = await mediator.Send(
            new UpdateNetworkMemberCommand(body) { NetworkId = id, MemberId = memberId, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(member, member.Version));
    }

    public static async Task<Ok<NetworkMemberDto>> EndNetworkMember(Guid id, Guid memberId, EndNetworkMemberRequest body,
        IMediator mediator, HttpContext context)
    {
        var member = await mediator.Send(
            new EndNetworkMemberCommand { NetworkId = id, MemberId = memberId, ExpectedVersion = ETags.IfMatch(context.Request),
                ValidTo = body.ValidTo }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(member, member.Version));
    }

    public static async Task<NoContent> RemoveNetworkMember(Guid id, Guid memberId, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new RemoveNetworkMemberCommand(id, memberId, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateNetworkRequest : NetworkFields, IBodyOf<UpdateNetworkCommand>;

public sealed record AddNetworkMemberRequest : NetworkMemberFields, IBodyOf<AddNetworkMemberCommand>;

public sealed record UpdateNetworkMemberRequest : NetworkMemberFields, IBodyOf<UpdateNetworkMemberCommand>;

public sealed record EndNetworkRequest : IBodyOf<EndNetworkCommand>
{
    public DateOnly EndedOn { get; init; }
}

public sealed record EndNetworkMemberRequest : IBodyOf<EndNetworkMemberCommand>
{
    public DateOnly ValidTo { get; init; }
}
