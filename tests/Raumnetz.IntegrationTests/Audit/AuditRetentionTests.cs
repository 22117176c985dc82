using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Audit;

/// <summary>Audit entries are kept forever by default; with a retention, the cleanup deletes the older ones only.</summary>
public sealed class AuditRetentionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Entries_are_kept_forever_unless_a_retention_is_configured()
    {
        Assert.Null(factory.Services.GetRequiredService<AuditOptions>().Retention);
        Assert.Null(new AuditOptions { RetentionDays = 0 }.Retention);
        Assert.Equal(TimeSpan.FromDays(30), new AuditOptions { RetentionDays = 30 }.Retention);
    }

    [Fact]
    public async Task The_cleanup_deletes_entries_older_than_the_retention_and_keeps_the_rest()
    {
        var db = factory.Services.GetRequiredService<IDbConnectionFactory>();
        var now = DateTimeOffset.UtcNow;
        var type = "retention-" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = await db.OpenAsync(Ct))
        {
            foreach (var days in new[] { 400, 31, 29, 0 })
                await AuditLog.WriteAsync(connection, null, new AuditRecord
                {
                    Principal = "anonymous", EntityType = type, EntityId = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Action = "update", OccurredAt = now.AddDays(-days),
                }, Ct);
        }

        var deleted = await AuditRetention.PurgeAsync(db, now.AddDays(-30), Ct);

        Assert.True(deleted >= 2);
        var admin = await factory.AdminAsync();
        Assert.Equal(["0", "29"], (await AuditApi.EntriesAsync(admin, $"entityType={type}")).Select(e => e.Str("entityId")));
    }
}
