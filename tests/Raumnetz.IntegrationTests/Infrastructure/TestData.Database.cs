using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.IntegrationTests.Infrastructure;

/// <summary>
/// Data written with SQL through the API's own connection factory, for arranging many rows quickly and for states
/// the API refuses to produce (an archived actor with a given date, a network without a mandate). The actors API
/// itself is proven by the tests under Actors/.
/// </summary>
public static partial class TestData
{
    /// <summary>Inserts an actor and returns its id. <paramref name="kind"/> and <paramref name="sector"/> are the enum names
    /// (Organisation, Public ...).</summary>
    public static async Task<Guid> ActorAsync(this ApiFactory factory, string name, string sector = "Public",
        string typeCode = "public-authority",
        string kind = "Organisation", Guid? spaceId = null, DateTimeOffset? archivedAt = null)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync(factory, """
            INSERT INTO actors (id, kind, name, search_key, type_code, sector, archived_at, version, created_at, updated_at)
            VALUES (@id, @kind, @name, @searchKey, @typeCode, @sector, @archivedAt, 1, @now, @now)
            """, new { id, kind, name, searchKey = TextRules.SearchKey(name), typeCode, sector, archivedAt, now });
        if (spaceId is { } space)
            await ExecuteAsync(factory, "INSERT INTO actor_spaces (actor_id, space_id) VALUES (@id, @space)", new { id, space });
        return id;
    }

    /// <summary>Inserts a directed actor relation (type as enum name, for example CooperationAgreement) and returns its id.</summary>
    public static async Task<Guid> RelationAsync(this ApiFactory factory, Guid source, Guid target,
        string relationType = "CooperationAgreement",
        bool contractual = true, DateOnly? validFrom = null, DateOnly? validTo = null)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync(factory, """
            INSERT INTO actor_relations (id, source_actor_id, target_actor_id, relation_type, is_contractual, valid_from, valid_to, version, created_at, updated_at)
            VALUES (@id, @source, @target, @relationType, @contractual, @validFrom, @validTo, 1, @now, @now)
            """, new { id, source, target, relationType, contractual, validFrom, validTo, now });
        return id;
    }

    /// <summary>Runs SQL against the test database (for states the API cannot produce, such as a network without a mandate).</summary>
    public static async Task ExecuteAsync(this ApiFactory factory, string sql, object? args = null)
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }

    public static async Task<T> ScalarAsync<T>(this ApiFactory factory, string sql, object? args = null)
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await db.OpenAsync(CancellationToken.None);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }
}
