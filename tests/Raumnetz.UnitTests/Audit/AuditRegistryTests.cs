using Raumnetz.Application.Audit;
using Raumnetz.Application.Common;

namespace Raumnetz.UnitTests.Audit;

public sealed class AuditRegistryTests
{
    private static readonly Type[] Commands = typeof(ICommand<>).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_command_of_the_application_has_an_audit_registration()
    {
        Assert.True(Commands.Length > 70, $"only {Commands.Length} commands found: the walk is broken");
        var missing = Commands.Where(t => AuditRegistry.Default.Find(t) is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0,
            "Register these commands in Application/Audit/AuditRegistrations.cs (entity, action, id, or Skip with a reason): "
            + string.Join(", ", missing));
    }

    [Fact]
    public void Registrations_name_only_commands_and_say_where_the_entity_id_comes_from()
    {
        foreach (var (type, registration) in AuditRegistry.Default.Registrations)
        {
            Assert.Contains(type, Commands);
            if (registration.NotAudited is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(registration.NotAudited));
                continue;
            }
            Assert.False(string.IsNullOrWhiteSpace(registration.Entity.Type), type.Name);
            Assert.False(string.IsNullOrWhiteSpace(registration.Action), type.Name);
            Assert.True(registration.IdBefore is not null || registration.IdAfter is not null || registration.Summary is not null,
                $"{type.Name} names no entity id and no summary");
        }
    }

    [Fact]
    public void Only_edge_bookkeeping_and_the_first_administrator_are_not_audited()
    {
        var skipped = AuditRegistry.Default.Registrations.Where(r => r.Value.NotAudited is not null).Select(r => r.Key.Name).Order()
            .ToList();
        Assert.Equal(["EnsureAdministratorCommand", "ReleaseIdempotencyKeyCommand", "ReserveIdempotencyKeyCommand",
            "SaveIdempotentResponseCommand"], skipped);
    }
}

public sealed class AuditLogTests
{
    private sealed record State(string Name, string? Email, string PasswordHash, long Version, DateTimeOffset UpdatedAt,
        IReadOnlyList<string> Tags);

    [Fact]
    public void Diff_lists_changed_fields_with_old_and_new_values_and_never_secrets_or_bookkeeping()
    {
        var before = new State("Anna", null, "hash-1", 1, DateTimeOffset.UnixEpoch, ["a"]);
        var after = new State("Anne", "anne@example.org", "hash-2", 2, DateTimeOffset.UnixEpoch.AddDays(1), ["a"]);

        var changes = AuditLog.Diff(before, after);

        Assert.Equal(["email", "name"], changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Anna", changes["name"].Old!.GetValue<string>());
        Assert.Equal("Anne", changes["name"].New!.GetValue<string>());
        Assert.Null(changes["email"].Old);
    }

    [Fact]
    public void Create_and_delete_have_no_old_or_new_side()
    {
        var state = new State("Anna", "a@example.org", "h", 1, DateTimeOffset.UnixEpoch, []);
        Assert.All(AuditLog.Diff(null, state).Values, c => Assert.Null(c.Old));
        Assert.All(AuditLog.Diff(state, null).Values, c => Assert.Null(c.New));
        Assert.DoesNotContain("tags", AuditLog.Diff(null, state).Keys); // empty lists are no value
    }

    [Fact]
    public void Rows_read_as_dictionaries_are_diffed_by_camel_case_column_and_drop_secret_columns()
    {
        var before = new Dictionary<string, object?> { ["display_name"] = "A", ["key_hash"] = "x", ["token"] = "t" };
        var after = new Dictionary<string, object?> { ["display_name"] = "B", ["key_hash"] = "y", ["token"] = "u" };
        Assert.Equal(["displayName"], AuditLog.Diff(before, after).Keys);
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("newPassword", true)]
    [InlineData("passwordHash", true)]
    [InlineData("key", true)]
    [InlineData("keyPrefix", true)]
    [InlineData("calendarToken", true)]
    [InlineData("name", false)]
    [InlineData("mustChangePassword", false)]
    [InlineData("keyword", false)]
    public void Secret_fields_are_recognised_by_name(string field, bool secret) => Assert.Equal(secret, AuditLog.IsSecret(field));

    [Fact]
    public void Stored_changes_read_back_as_text_values()
    {
        var stored = AuditLog.Serialize(AuditLog.Diff(new { name = "Müller", count = 1 }, new { name = "Schmidt", count = 2 }));
        Assert.Contains("Müller", stored, StringComparison.Ordinal); // stored unescaped, so a search finds it
        var parsed = AuditLog.Parse(stored);
        Assert.Equal([new AuditChangeDto("count", "1", "2"), new AuditChangeDto("name", "Müller", "Schmidt")], parsed);
    }
}
