using Dapper;
using Microsoft.Data.Sqlite;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;
using Raumnetz.Infrastructure.Security;
using Raumnetz.IntegrationTests.Infrastructure;

namespace Raumnetz.IntegrationTests.Migrations;

/// <summary>
/// A SQLite database as the versions before migration 0022 wrote it: the migrations up to 0021, then one row in every
/// table that holds ids, written through Dapper on a plain <see cref="SqliteConnection"/>. That is how those versions
/// bound values: Dapper hands Guid and DateTimeOffset to Microsoft.Data.Sqlite, which stores a Guid as upper-case text
/// and a DateTimeOffset as <c>yyyy-MM-dd HH:mm:ss.FFFFFFFzzz</c>. The administrator is
/// <see cref="ApiFactory.AdminEmail"/> with <see cref="ApiFactory.AdminPassword"/>, so an API started on the file signs in as it.
/// </summary>
public sealed class LegacySqliteDatabase
{
    public const string LastMigrationBefore = "0021_indicator_set_network";

    public Guid User { get; } = Guid.CreateVersion7();
    public Guid ApiKey { get; } = Guid.CreateVersion7();
    public string ApiKeySecret { get; } = ApiKeySecrets.NewKey();
    public Guid County { get; } = Guid.CreateVersion7();
    public Guid OldDistrict { get; } = Guid.CreateVersion7();
    public Guid NewDistrict { get; } = Guid.CreateVersion7();
    public Guid Umbrella { get; } = Guid.CreateVersion7();
    public Guid Member { get; } = Guid.CreateVersion7();
    public Guid Relation { get; } = Guid.CreateVersion7();
    public Guid Steering { get; } = Guid.CreateVersion7();
    public Guid Focus { get; } = Guid.CreateVersion7();
    public Guid Link { get; } = Guid.CreateVersion7();
    public Guid Coordinator { get; } = Guid.CreateVersion7();
    public Guid Delegate { get; } = Guid.CreateVersion7();
    public Guid Meeting { get; } = Guid.CreateVersion7();
    public Guid Agreement { get; } = Guid.CreateVersion7();
    public Guid Indicator { get; } = Guid.CreateVersion7();
    public Guid Rating { get; } = Guid.CreateVersion7();
    public Guid Set { get; } = Guid.CreateVersion7();
    public Guid Observation { get; } = Guid.CreateVersion7();
    public Guid Assessment { get; } = Guid.CreateVersion7();

    /// <summary>When every row was written, with all seven fraction digits in use.</summary>
    public DateTimeOffset Written { get; } = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_567);
    public DateTimeOffset MeetingStarts { get; } = new(2025, 6, 1, 16, 0, 0, TimeSpan.Zero);
    /// <summary>An instant stored with an offset other than zero (versions before the meetings bound UTC did that).</summary>
    public DateTimeOffset MeetingEnds { get; } = new(2025, 6, 1, 20, 0, 0, TimeSpan.FromHours(2));

    public static async Task<LegacySqliteDatabase> WriteAsync(string connectionString, CancellationToken ct)
    {
        var db = new LegacySqliteDatabase();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;");
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
        var migrations = MigrationRunner.Load(DatabaseProvider.Sqlite).Where(m => string.CompareOrdinal(m.Id, LastMigrationBefore) <= 0);
        foreach (var migration in migrations)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await Insert(connection, "schema_migrations", new { id = migration.Id, applied_at = db.Written }, tx);
            await tx.CommitAsync(ct);
        }
        await db.InsertRowsAsync(connection);
        return db;
    }

    /// <summary>INSERT INTO <paramref name="table"/> with the row's property names as columns, bound by Dapper.</summary>
    private static Task Insert(SqliteConnection c, string table, object row, System.Data.Common.DbTransaction? tx = null)
    {
        var columns = row.GetType().GetProperties().Select(p => p.Name).ToList();
        var values = string.Join(", ", columns.Select(x => "@" + x));
        return c.ExecuteAsync($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({values})", row, tx);
    }

    private async Task InsertRowsAsync(SqliteConnection c)
    {
        var t = Written;
        var from2000 = new DateOnly(2000, 1, 1);
        var from2020 = new DateOnly(2020, 1, 1);
        var hash = new PasswordHashing().Hash(ApiFactory.AdminPassword);
        await Insert(c, "users", new
        {
            id = User, email = ApiFactory.AdminEmail, email_key = ApiFactory.AdminEmail, display_name = "Administration", role = "Admin",
            password_hash = hash, failed_logins = 0, is_active = true, version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "api_keys", new
        {
            id = ApiKey, name = "Partner", role = "Viewer", key_prefix = ApiKeySecrets.Display(ApiKeySecret),
            key_hash = ApiKeySecrets.Hash(ApiKeySecret), created_by = $"user:{User}", created_at = t,
        });

        foreach (var (id, code, level, parent, from, to) in new (Guid, string, string, Guid?, DateOnly, DateOnly?)[]
        {
            (County, "LEGACY", "County", null, from2000, null),
            (OldDistrict, "LEGACY-A", "District", County, from2000, new DateOnly(2018, 12, 31)),
            (NewDistrict, "LEGACY-B", "District", County, new DateOnly(2019, 1, 1), null),
        })
        {
            await Insert(c, "spaces", new
            {
                id, code, name = code, search_key = code.ToLowerInvariant(), level, parent_id = parent, valid_from = from, valid_to = to,
                version = 1, created_at = t, updated_at = t,
            });
        }
        await Insert(c, "space_predecessors", new { space_id = NewDistrict, predecessor_id = OldDistrict });

        foreach (var (id, name, type, parent) in new (Guid, string, string, Guid?)[]
        {
            (Umbrella, "Liga alt", "welfare-association", null),
            (Member, "Verein alt", "association", Umbrella),
        })
        {
            await Insert(c, "actors", new
            {
                id, kind = "Organisation", name, search_key = name.ToLowerInvariant(), type_code = type, sector = "CivilSociety",
                parent_id = parent, version = 1, created_at = t, updated_at = t,
            });
        }
        await Insert(c, "actor_spaces", new { actor_id = Member, space_id = County });
        await Insert(c, "actor_tags", new { actor_id = Member, tag = "Jugend" });
        await Insert(c, "actor_relations", new
        {
            id = Relation, source_actor_id = Member, target_actor_id = Umbrella, relation_type = "UmbrellaMembership",
            is_contractual = true, version = 1, created_at = t, updated_at = t,
        });

        foreach (var (id, name, kind, coordinator) in new (Guid, string, string, Guid?)[]
        {
            (Steering, "lenkrunde alt", "SteeringGroup", Member),
            (Focus, "fokusgruppe alt", "FocusGroup", null),
        })
        {
            await Insert(c, "networks", new
            {
                id, name, search_key = name, kind, status = "Active", coordinator_actor_id = coordinator, version = 1,
                created_at = t, updated_at = t,
            });
        }
        await Insert(c, "network_functions", new { network_id = Steering, function_name = "Coordination" });
        await Insert(c, "network_goals", new { network_id = Steering, sort_order = 0, goal = "Verabredungen nachhalten" });
        await Insert(c, "network_spaces", new { network_id = Steering, space_id = County });
        await Insert(c, "network_links", new
        {
            id = Link, source_network_id = Focus, target_network_id = Steering, link_type = "DelegatesTo", created_at = t,
        });
        await Insert(c, "network_members", new
        {
            id = Coordinator, network_id = Steering, actor_id = Member, role = "Coordinator", delegated_from_network_id = (Guid?)null,
            valid_from = from2020, version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "network_members", new
        {
            id = Delegate, network_id = Steering, actor_id = Umbrella, role = "Delegate", delegated_from_network_id = (Guid?)Focus,
            valid_from = from2020, version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "network_calendar_tokens", new { network_id = Steering, token = "legacy-token", created_at = t });

        await Insert(c, "meetings", new
        {
            id = Meeting, network_id = Steering, title = "Sitzung alt", starts_at = MeetingStarts, ends_at = MeetingEnds,
            is_cancelled = false, version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "meeting_decisions", new { meeting_id = Meeting, sort_order = 0, decision = "Beschluss" });
        await Insert(c, "meeting_attendance", new { meeting_id = Meeting, member_id = Coordinator, attendance = "Present" });
        await Insert(c, "tasks", new
        {
            id = Agreement, network_id = Steering, meeting_id = Meeting, title = "Verabredung alt",
            due_date = new DateOnly(2030, 1, 1), status = "Open", version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "task_responsibles", new { task_id = Agreement, actor_id = Member });

        await Insert(c, "indicators", new
        {
            id = Indicator, code = "legacy-rate", name = "quote alt", search_key = "quote alt", kind = "Rate", unit = "%", decimals = 1,
            direction = "LowerIsBetter", aggregation = "Rate", rate_factor = 100.0, is_proportion = true, version = 1,
            created_at = t, updated_at = t,
        });
        await Insert(c, "indicators", new
        {
            id = Rating, code = "legacy-rating", name = "einschaetzung alt", search_key = "einschaetzung alt", kind = "Rating",
            decimals = 1, direction = "HigherIsBetter", aggregation = "Mean", is_proportion = false, scale_min = 1, scale_max = 5,
            version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "indicator_sets", new
        {
            id = Set, name = "set alt", search_key = "set alt", network_id = Steering, version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "indicator_set_items", new { set_id = Set, indicator_id = Indicator, position = 0 });
        await Insert(c, "indicator_baselines", new
        {
            set_id = Set, indicator_id = Indicator, space_id = County, period = "2015", value = 40.0,
        });
        await Insert(c, "indicator_targets", new
        {
            set_id = Set, indicator_id = Indicator, space_id = County, period = "2025", value = 30.0,
        });
        await Insert(c, "observations", new
        {
            id = Observation, indicator_id = Indicator, space_id = County, period = "2020", first_month = 202001, last_month = 202012,
            value = 40.0, numerator = 400.0, denominator = 1000.0, status = "Final", version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "assessments", new
        {
            id = Assessment, indicator_id = Rating, space_id = County, period = "2024", first_month = 202401, last_month = 202412,
            actor_id = Member, rating = 4, created_by = $"user:{User}", version = 1, created_at = t, updated_at = t,
        });
        await Insert(c, "idempotency_records", new
        {
            idempotency_key = "legacy", principal = $"user:{User}", request_hash = "hash", status_code = 201, created_at = t,
        });
    }
}
