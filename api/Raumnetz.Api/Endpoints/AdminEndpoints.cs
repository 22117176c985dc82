using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Common;
using Raumnetz.Application.Users;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Api.Endpoints;

/// <summary>Users and API keys: administrators only.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("ApiKeys").RequireAuthorization(Policies.Admin);
        keys.MapGet("/", ListApiKeys).WithName(nameof(ListApiKeys)).WithSummary("List API keys (never the keys themselves).");
        keys.MapPost("/", CreateApiKey).WithName(nameof(CreateApiKey))
            .WithSummary("Create an API key for a partner system; the key is returned this once.").Errors(400, 413);
        keys.MapDelete("/{id}", RevokeApiKey).WithName(nameof(RevokeApiKey))
            .WithSummary("Revoke an API key; requests with it are refused from now on.").Errors(400, 404);

        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers)).WithSummary("List user accounts.");
        users.MapPost("/", CreateUser).WithName(nameof(CreateUser)).WithSummary("Create a user account with a role.").Errors(400, 409, 413);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), ct));

    public static async Task<Created<CreatedApiKeyDto>> CreateApiKey(CreateApiKeyRequest body, IMediator mediator, ICurrentUser user,
        CancellationToken ct)
    {
        var key = await mediator.Send(new CreateApiKeyCommand { Name = body.Name, Role = body.Role, CreatedBy = user.Principal }, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
    }

    public static async Task<NoContent> RevokeApiKey(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<UserDto>>> ListUsers(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListUsersQuery(), ct));

    public static async Task<Created<UserDto>> CreateUser(CreateUserCommand request, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(request, ct);
        return TypedResults.Created($"/api/v1/users/{created.Id}", created);
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record CreateApiKeyRequest : IBodyOf<CreateApiKeyCommand>
{
    public string Name { get; init; } = "";
    public Role Role { get; init; }
}
