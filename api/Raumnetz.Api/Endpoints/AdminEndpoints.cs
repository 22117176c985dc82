using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Authorization;
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
        keys.MapGet("/", ListApiKeys).WithName(nameof(ListApiKeys)).WithSummary(
            "List API keys (never the keys themselves), each with who created it (createdBy, createdByName).");
        keys.MapPost("/", CreateApiKey).WithName(nameof(CreateApiKey))
            .WithSummary("Create an API key for a partner system; the key is returned this once. An admin key stands on its creator's "
                + "admin rights: it is revoked when they end (see RevokeApiKey, DeactivateUser, UpdateUser).").Errors(400, 413);
        keys.MapDelete("/{id}", RevokeApiKey).WithName(nameof(RevokeApiKey))
            .WithSummary("Revoke an API key, with the admin keys it created; requests with them are refused from now on.")
                .Errors(400, 404);
        keys.MapPost("/{id}/rate-limit", SetApiKeyRateLimit).WithName(nameof(SetApiKeyRateLimit))
            .WithSummary("Give an API key its own request limit per minute, or (null) the configured default for keys; it applies from the "
                + "key's next request.").Errors(400, 404, 413);

        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers)).WithSummary("List user accounts.");
        users.MapPost("/", CreateUser).WithName(nameof(CreateUser))
            .WithSummary("Create a user account with a role (password: at least 12 characters, not containing the e-mail address's local "
                + "part, not a common password).").Errors(400, 409, 413);
        users.MapGet("/{id}", GetUser).WithName(nameof(GetUser)).WithSummary("One user account, with its ETag.").Errors(400, 404);
        users.MapPut("/{id}", UpdateUser).WithName(nameof(UpdateUser))
            .WithSummary("Replace an account's name, role and (when given) scoped grants (If-Match). A new role ends the account's "
                + "sessions at once, and a role other than admin the admin API keys it created; the last active "
                + "administrator cannot be demoted (409).").Errors(400, 404, 409, 412, 413);
        users.MapPost("/{id}/deactivate", DeactivateUser).WithName(nameof(DeactivateUser))
            .WithSummary("Deactivate an account: its sessions and the admin API keys it created end at once, and it cannot sign in "
                + "(answered like a wrong password) until reactivated. The last active administrator cannot be deactivated (409).")
                .Errors(400, 404, 409);
        users.MapPost("/{id}/reactivate", ReactivateUser).WithName(nameof(ReactivateUser))
            .WithSummary("Reactivate a deactivated account.").Errors(400, 404);
        users.MapPost("/{id}/password", SetUserPassword).WithName(nameof(SetUserPassword))
            .WithSummary("Set a one-time password: the account's sessions end at once, and after signing in with it the user must choose "
                + "a new password (mustChangePassword) before anything else.").Errors(400, 404, 413);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), ct));

    public static async Task<Created<CreatedApiKeyDto>> CreateApiKey(CreateApiKeyRequest body, IMediator mediator, ICurrentUser user,
        CancellationToken ct)
    {
        var key = await mediator.Send(new CreateApiKeyCommand
        {
            Name = body.Name, Role = body.Role, Grants = body.Grants, RateLimitPerMinute = body.RateLimitPerMinute,
            CreatedBy = user.Principal,
        }, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", key);
    }

    public static async Task<Ok<ApiKeyDto>> SetApiKeyRateLimit(Guid id, SetApiKeyRateLimitRequest body, IMediator mediator,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new SetApiKeyRateLimitCommand { Id = id, RateLimitPerMinute = body.RateLimitPerMinute },
            ct));

    public static async Task<NoContent> RevokeApiKey(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<UserDto>>> ListUsers(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListUsersQuery(), ct));

    public static async Task<Ok<UserDto>> GetUser(Guid id, IMediator mediator, HttpContext context)
    {
        var user = await mediator.Send(new GetUserQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(user, user.Version));
    }

    public static async Task<Ok<UserDto>> UpdateUser(Guid id, UpdateUserRequest body, IMediator mediator, HttpContext context)
    {
        var user = await mediator.Send(new UpdateUserCommand
        {
            Id = id, DisplayName = body.DisplayName, Role = body.Role, Grants = body.Grants,
            ExpectedVersion = ETags.IfMatch(context.Request),
        }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(user, user.Version));
    }

    public static async Task<Ok<UserDto>> DeactivateUser(Guid id, IMediator mediator, HttpContext context)
    {
        var user = await mediator.Send(new DeactivateUserCommand(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(user, user.Version));
    }

    public static async Task<Ok<UserDto>> ReactivateUser(Guid id, IMediator mediator, HttpContext context)
    {
        var user = await mediator.Send(new ReactivateUserCommand(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(user, user.Version));
    }

    public static async Task<Ok<UserDto>> SetUserPassword(Guid id, SetUserPasswordRequest body, IMediator mediator, HttpContext context)
    {
        var user = await mediator.Send(new SetUserPasswordCommand { Id = id, Password = body.Password }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(user, user.Version));
    }

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
    /// <summary>Role grants scoped to networks and space subtrees (optional).</summary>
    public IReadOnlyList<RoleGrantInput>? Grants { get; init; }
    /// <summary>The key's own request limit per minute (1 to 100000); leave out for the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
}

public sealed record SetApiKeyRateLimitRequest : IBodyOf<SetApiKeyRateLimitCommand>
{
    /// <summary>Requests per minute (1 to 100000); null: the configured default for keys.</summary>
    public int? RateLimitPerMinute { get; init; }
}

public sealed record UpdateUserRequest : IBodyOf<UpdateUserCommand>
{
    public string DisplayName { get; init; } = "";
    public Role Role { get; init; }
    /// <summary>The account's grants scoped to networks and space subtrees, replacing the ones it has; leave out to keep them.</summary>
    public IReadOnlyList<RoleGrantInput>? Grants { get; init; }
}

public sealed record SetUserPasswordRequest : IBodyOf<SetUserPasswordCommand>
{
    public string Password { get; init; } = "";
}
