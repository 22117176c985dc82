using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Graph;
using Raumnetz.Domain.Actors;

namespace Raumnetz.Api.Endpoints;

/// <summary>The network map: actors and networks with their ties and centralities.</summary>
public static class GraphEndpoints
{
    public static void MapGraphEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/graph").WithTags("Graph").RequireAuthorization(Policies.Read);
        group.MapGet("/", GetNetworkGraph).WithName(nameof(GetNetworkGraph))
            .WithSummary(
                "The network map of a social space (with the spaces below it) or a network on a day: nodes with degree and betweenness, " +
                "edges.").Errors(400);
    }

    /// <param name="spaceId">Networks covering this space or one below it, the actors assigned there and the networks' members.</param>
    /// <param name="networkId">This network, the networks linked to it and its members (takes precedence over spaceId).</param>
    /// <param name="on">The day (yyyy-MM-dd); today when omitted.</param>
    /// <param name="relationType">Only actor relations of these types (repeat the parameter or separate by commas).</param>
    /// <param name="edgeKind">Only these kinds of edges (membership, actorRelation, networkLink); all when omitted.</param>
    public static async Task<Ok<NetworkGraphDto>> GetNetworkGraph(IMediator mediator, Guid? spaceId, Guid? networkId, DateOnly? on,
        [EnumQuery(typeof(RelationType))] string[]? relationType, [EnumQuery(typeof(GraphEdgeKind))] string[]? edgeKind,
            CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new GetNetworkGraphQuery(spaceId, networkId, on,
            EnumQuery.ParseAll<RelationType>(relationType, nameof(relationType)),
                EnumQuery.ParseAll<GraphEdgeKind>(edgeKind, nameof(edgeKind))), ct));
}
