using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Raumnetz.Application.Audit;

/// <summary>Reads the state of one entity inside the command's transaction (null when there is none).</summary>
public delegate Task<object?> AuditStateLoader(IServiceProvider services, DbConnection connection, DbTransaction tx, string id,
    CancellationToken ct);

/// <summary>A kind of audited entity: its name in the trail and how to read its state for the diff.</summary>
public sealed record AuditEntity(string Type, AuditStateLoader? Load)
{
    /// <summary>
    /// An entity whose state is its table row, read as it is (column names in camelCase); <paramref name="excluded"/> columns
    /// are left out besides those <see cref="AuditLog.IsSecret"/> drops anyway.
    /// </summary>
    public static AuditEntity Row(string type, string table, params string[] excluded) =>
        new(type, async (_, connection, tx, id, ct) =>
        {
            if (!Guid.TryParse(id, out var guid)) return null;
            var row = await connection.QuerySingleOrDefaultAsync(new CommandDefinition(
                $"SELECT * FROM {table} WHERE id = @guid", new { guid }, tx, cancellationToken: ct));
            if (row is not IDictionary<string, object?> columns) return null;
            return columns.Where(c => !excluded.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
                .ToDictionary(c => c.Key, c => c.Value);
        });

    /// <summary>An entity read through its area's read class (the same DTO its GET answers).</summary>
    public static AuditEntity Dto<TReads>(string type, Func<TReads, DbConnection, DbTransaction, Guid, IServiceProvider,
        CancellationToken, Task<object?>> load)
        where TReads : notnull =>
        new(type, (sp, connection, tx, id, ct) =>
            Guid.TryParse(id, out var guid) ? load(sp.GetRequiredService<TReads>(), connection, tx, guid, sp, ct)
                : Task.FromResult<object?>(null));
}

/// <summary>
/// What the audit trail records for one command type: the entity type, the action, where the entity's id comes from (the
/// command before the handler runs, or its answer after), and how to read the entity's state before and after, which
/// <see cref="AuditLog.Diff"/> turns into changed fields. <see cref="NotAudited"/> names commands that change no entity
/// (bookkeeping of the HTTP edge) or whose entity is recorded by the command they send.
/// </summary>
public sealed record AuditRegistration
{
    public required AuditEntity Entity { get; init; }
    public required string Action { get; init; }
    /// <summary>The entity's id, known from the command (updates, deletes, actions).</summary>
    public Func<object, string?>? IdBefore { get; init; }
    /// <summary>The entity's id from the command and its answer (creates).</summary>
    public Func<object, object?, string?>? IdAfter { get; init; }
    /// <summary>The entity's id looked up in the database before the handler runs (create-or-update by natural key).</summary>
    public Func<object, DbConnection, DbTransaction, Task<string?>>? IdLookup { get; init; }
    /// <summary>Fields of the answer recorded as new values when there is no state to diff (imports: counts).</summary>
    public Func<object?, object?>? Summary { get; init; }
    /// <summary>The action as it turned out, from the answer (an upsert that created or updated).</summary>
    public Func<object?, string?>? ActionOf { get; init; }
    /// <summary>Why the command has no entry of its own; null for audited commands.</summary>
    public string? NotAudited { get; init; }
}

public sealed class AuditRegistry
{
    private readonly Dictionary<Type, AuditRegistration> registrations = [];

    public IReadOnlyDictionary<Type, AuditRegistration> Registrations => registrations;

    public AuditRegistration? Find(Type commandType) => registrations.GetValueOrDefault(commandType);

    /// <summary>The one registry of the application (<see cref="AuditRegistrations"/>).</summary>
    public static AuditRegistry Default { get; } = AuditRegistrations.Build(new AuditRegistry());

    private static string Id(Guid id) => id.ToString();

    /// <summary>A command that creates an entity; its id is in the answer.</summary>
    public AuditRegistry Create<TCommand, TResponse>(AuditEntity entity, Func<TResponse, Guid> id, string action = "create")
        where TCommand : ICommand<TResponse> =>
        Add(typeof(TCommand), new AuditRegistration
        {
            Entity = entity, Action = action, IdAfter = (_, r) => r is TResponse t ? Id(id(t)) : null,
        });

    /// <summary>A command that changes (or deletes) an entity whose id it carries.</summary>
    public AuditRegistry Change<TCommand>(AuditEntity entity, string action, Func<TCommand, string> id) =>
        Add(typeof(TCommand), new AuditRegistration { Entity = entity, Action = action, IdBefore = c => id((TCommand)c) });

    /// <summary>As <see cref="Change{TCommand}"/> for entities with a UUID.</summary>
    public AuditRegistry Change<TCommand>(AuditEntity entity, string action, Func<TCommand, Guid> id) =>
        Change<TCommand>(entity, action, c => Id(id(c)));

    /// <summary>A command that creates or updates an entity found by its natural key.</summary>
    public AuditRegistry Upsert<TCommand, TResponse>(AuditEntity entity, Func<TCommand, DbConnection, DbTransaction, Task<string?>> lookup,
        Func<TResponse, Guid> id, Func<TResponse, bool> created) where TCommand : ICommand<TResponse> =>
        Resolve<TCommand, TResponse>(entity, lookup, r => id(r), r => created(r) ? "create" : "update");

    /// <summary>
    /// A command whose entity is found by a lookup before the handler runs or named by its answer (null: the lookup's),
    /// with the action the answer tells (a sign-in through the identity provider that links, creates or is refused).
    /// </summary>
    public AuditRegistry Resolve<TCommand, TResponse>(AuditEntity entity, Func<TCommand, DbConnection, DbTransaction, Task<string?>> lookup,
        Func<TResponse, Guid?> id, Func<TResponse, string> action) where TCommand : ICommand<TResponse> =>
        Add(typeof(TCommand), new AuditRegistration
        {
            Entity = entity, Action = "update", IdLookup = (c, connection, tx) => lookup((TCommand)c, connection, tx),
            IdAfter = (_, r) => r is TResponse t && id(t) is { } found ? Id(found) : null,
            ActionOf = r => r is TResponse t ? action(t) : null,
        });

    /// <summary>A command that writes many entities at once (an import): one entry with the answer's counts.</summary>
    public AuditRegistry Bulk<TCommand, TResponse>(AuditEntity entity, string action, Func<TResponse, object> summary)
        where TCommand : ICommand<TResponse> =>
        Add(typeof(TCommand), new AuditRegistration
        {
            Entity = entity, Action = action, Summary = r => r is TResponse t ? summary(t) : null,
        });

    /// <summary>A command without an entry of its own, and why.</summary>
    public AuditRegistry Skip<TCommand>(string reason) =>
        Add(typeof(TCommand), new AuditRegistration { Entity = new AuditEntity("none", null), Action = "none", NotAudited = reason });

    private AuditRegistry Add(Type type, AuditRegistration registration)
    {
        if (!registrations.TryAdd(type, registration))
            throw new InvalidOperationException($"{type.Name} is registered for the audit trail twice.");
        return this;
    }
}
