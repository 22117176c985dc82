using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Privacy;

namespace Raumnetz.Api.Endpoints;

/// <summary>Data protection (GDPR Art. 15 access, Art. 17 erasure): administrators only.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/privacy").WithTags("Privacy").RequireAuthorization(Policies.Admin);
        group.MapGet("/actors/{id}/export", ExportActorData).WithName(nameof(ExportActorData))
            .WithSummary("Everything held about a person (GDPR Art. 15) as one document: master data, memberships, attendance, "
                + "responsibilities, relations, records referring to them, free texts mentioning their name, and their audit entries.")
            .Errors(400, 404);
        group.MapPost("/actors/{id}/erase", EraseActor).WithName(nameof(EraseActor))
            .WithSummary("Erase a person (GDPR Art. 17) by anonymising them (If-Match with the actor's ETag required as confirmation): "
                + "name and contact data replaced, links kept so network history stays right, erased values removed from the audit "
                + "trail; free texts mentioning the name are returned for review. Only persons (409 for organisations).")
            .Errors(400, 404, 409, 412);
        group.MapGet("/users/{id}/export", ExportUserData).WithName(nameof(ExportUserData))
            .WithSummary("Everything held about a user account (GDPR Art. 15): account, sessions, API keys it created, records "
                + "keeping its principal, audit entries about it and of what it did. Never a password hash.")
            .Errors(400, 404);
        group.MapPost("/users/{id}/erase", EraseUser).WithName(nameof(EraseUser))
            .WithSummary("Erase a user account (GDPR Art. 17; If-Match with the account's ETag required): name and e-mail replaced, "
                + "account deactivated, sessions ended, erased values removed from the audit trail. Not one's own account, not the "
                + "last active administrator (409).")
            .Errors(400, 404, 409, 412);
    }

    public static async Task<Ok<ActorDataExport>> ExportActorData(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ExportActorDataQuery(id), ct));

    public static async Task<Ok<ErasureResult>> EraseActor(Guid id, IMediator mediator, HttpContext context) =>
        TypedResults.Ok(await mediator.Send(new EraseActorCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted));

    public static async Task<Ok<UserDataExport>> ExportUserData(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ExportUserDataQuery(id), ct));

    public static async Task<Ok<ErasureResult>> EraseUser(Guid id, IMediator mediator, HttpContext context) =>
        TypedResults.Ok(await mediator.Send(new EraseUserCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted));
}
