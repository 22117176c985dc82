using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Preferences;

/// <summary>The signed-in user's preferences (defaults with version 0 while none are saved). API keys have none (403).</summary>
public sealed record GetMyPreferencesQuery : IRequest<UserPreferencesDto>;

public sealed class GetMyPreferencesHandler(IDbConnectionFactory db, ICurrentUser user)
    : IRequestHandler<GetMyPreferencesQuery, UserPreferencesDto>
{
    public async Task<UserPreferencesDto> Handle(GetMyPreferencesQuery request, CancellationToken cancellationToken)
    {
        var userId = PreferenceOwner.Of(user);
        var row = await db.ReadAsync((connection, ct) => connection.QuerySingleOrDefaultAsync<(string Dashboard, long Version)?>(
            new CommandDefinition("SELECT dashboard, version FROM user_preferences WHERE user_id = @userId", new { userId },
                cancellationToken: ct)), cancellationToken);
        return row is { } r ? new UserPreferencesDto { Dashboard = PreferenceJson.Read(r.Dashboard), Version = r.Version } : new();
    }
}

internal static class PreferenceOwner
{
    /// <summary>The signed-in user; an API key is no person with a start page (403).</summary>
    public static Guid Of(ICurrentUser user) =>
        user.ApiKeyId is null && user.UserId is { } id ? id : throw new ForbiddenException(Messages.Dashboard_ApiKeyHasNoPreferences);
}
