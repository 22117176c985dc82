using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Preferences;

/// <summary>
/// Replaces the signed-in user's preferences. Every save sends If-Match: the ETag from GET once some are saved (412 when
/// stale), or <c>*</c> (whatever is current; the only way to save the first time, as the defaults have no version).
/// Indicator sets, area, map indicator and actor must exist (400 naming
/// the field).
/// </summary>
public sealed record SaveMyPreferencesCommand : ICommand<UserPreferencesDto>
{
    public DashboardPreferences Dashboard { get; init; } = new();
    /// <summary>From If-Match (null for <c>*</c>); set by the endpoint, never from the body.</summary>
    [JsonIgnore] public long? ExpectedVersion { get; init; }
}

public sealed class SaveMyPreferencesValidator : AbstractValidator<SaveMyPreferencesCommand>
{
    public SaveMyPreferencesValidator()
    {
        RuleFor(x => x.Dashboard).NotNull().SetValidator(new DashboardPreferencesValidator());
    }
}

public sealed class SaveMyPreferencesHandler(IUnitOfWork unitOfWork, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<SaveMyPreferencesCommand, UserPreferencesDto>
{
    private const string Resource = "User preferences";

    public async Task<UserPreferencesDto> Handle(SaveMyPreferencesCommand request, CancellationToken cancellationToken)
    {
        var userId = PreferenceOwner.Of(user);
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        var d = request.Dashboard;
        await CheckExistsAsync(connection, tx, "indicator_sets", "dashboard.indicatorSetIds", "Indicator set", d.IndicatorSetIds);
        if (d.UnderSpaceId is { } under) await CheckExistsAsync(connection, tx, "spaces", "dashboard.underSpaceId", "Space", [under]);
        if (d.MapIndicatorId is { } indicator)
            await CheckExistsAsync(connection, tx, "indicators", "dashboard.mapIndicatorId", "Indicator", [indicator]);
        if (d.MyActorId is { } actor) await CheckExistsAsync(connection, tx, "actors", "dashboard.myActorId", "Actor", [actor]);

        var now = clock.GetUtcNow();
        var json = PreferenceJson.Write(d with { IndicatorSetIds = d.IndicatorSetIds.Distinct().ToList() });
        var current = await connection.QuerySingleOrDefaultAsync<long?>(
            "SELECT version FROM user_preferences WHERE user_id = @userId", new { userId }, tx);
        if (current is { } version)
        {
            if (request.ExpectedVersion is { } expected && expected != version)
                throw new StaleVersionException(Resource, userId, expected, version);
            var rows = await connection.ExecuteAsync("""
                UPDATE user_preferences SET dashboard = @json, version = version + 1, updated_at = @now
                WHERE user_id = @userId AND version = @version
                """, new { json, now, userId, version }, tx);
            Versioning.EnsureUpdated(rows, Resource, userId, version);
            return new UserPreferencesDto { Dashboard = PreferenceJson.Read(json), Version = version + 1 };
        }
        // nothing saved yet: only "*" matches the defaults (a tag names a version they do not have)
        if (request.ExpectedVersion is { } stale) throw new StaleVersionException(Resource, userId, stale, 0);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO user_preferences (user_id, dashboard, version, created_at, updated_at) VALUES (@userId, @json, 1, @now, @now)
                """, new { userId, json, now }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            // saved at the same moment from another tab: this one is stale
            throw new StaleVersionException(Resource, userId, 0, 1);
        }
        return new UserPreferencesDto { Dashboard = PreferenceJson.Read(json), Version = 1 };
    }

    private async Task CheckExistsAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string table,
        string field, string resource, IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        var (condition, value) = unitOfWork.Dialect.InIds("id", "@ids", ids);
        var found = (await connection.QueryAsync<Guid>($"SELECT id FROM {table} WHERE {condition}", new { ids = value }, tx)).ToHashSet();
        if (ids.FirstOrDefault(id => !found.Contains(id)) is var missing && missing != Guid.Empty)
            throw new InvalidFieldException(field, Text.DoesNotExist(resource, missing));
    }
}
