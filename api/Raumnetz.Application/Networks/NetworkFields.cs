using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>The editable fields of a network, shared by create and update.</summary>
public abstract record NetworkFields
{
    public string Name { get; init; } = "";
    public NetworkKind Kind { get; init; }
    /// <summary>What the network is for (Aufgabenstellung): required, "don't go to a meeting where nobody knows why you meet".</summary>
    public string Mandate { get; init; } = "";
    /// <summary>Who mandated the network (legitimation), for example "Stadtverordnetenversammlung Teltow".</summary>
    public string? MandatedBy { get; init; }
    /// <summary>When it was mandated.</summary>
    public DateOnly? MandatedOn { get; init; }
    /// <summary>Further detail on the legitimation, for example the resolution number.</summary>
    public string? LegitimationNote { get; init; }
    public IReadOnlyCollection<NetworkFunction>? Functions { get; init; }
    public IReadOnlyCollection<string>? Goals { get; init; }
    /// <summary>Status (required; a new network is usually "active"). An ended network needs <see cref="EndedOn"/> (or use POST .../end).</summary>
    public NetworkStatus Status { get; init; } = NetworkStatus.Active;
    public DateOnly? StartedOn { get; init; }
    public DateOnly? EndedOn { get; init; }
    /// <summary>Meets every <c>cadenceInterval</c> <c>cadenceUnit</c>; give both or neither.</summary>
    public int? CadenceInterval { get; init; }
    public CadenceUnit? CadenceUnit { get; init; }
    public Guid? CoordinatorActorId { get; init; }
    /// <summary>The social spaces the network covers.</summary>
    public IReadOnlyCollection<Guid>? SpaceIds { get; init; }
    /// <summary>Links from this network to others; they must not lead back to it (no cycles).</summary>
    public IReadOnlyCollection<NetworkLinkInput>? Links { get; init; }
}

/// <summary>An outgoing link: this network delegates or reports to the target.</summary>
public sealed record NetworkLinkInput
{
    public Guid TargetNetworkId { get; init; }
    public NetworkLinkType Type { get; init; }
    public string? Note { get; init; }
}

public sealed class NetworkLinkInputValidator : AbstractValidator<NetworkLinkInput>
{
    public NetworkLinkInputValidator()
    {
        RuleFor(x => x.TargetNetworkId).NotEmpty();
        RuleFor(x => x.Type).DefinedEnum();
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}

public abstract class NetworkFieldsValidator<T> : AbstractValidator<T> where T : NetworkFields
{
    protected NetworkFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredText(Limits.Name);
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.Mandate).RequiredText(NetworkLimits.Mandate);
        RuleFor(x => x.MandatedBy).MaximumLength(Limits.Name);
        RuleFor(x => x.LegitimationNote).MaximumLength(Limits.Note);
        RuleFor(x => x.Functions).MaxItems(NetworkLimits.Functions);
        RuleForEach(x => x.Functions).DefinedEnum();
        RuleFor(x => x.Functions).Must(f => f!.Distinct().Count() == f!.Count).When(x => x.Functions is not null)
            .WithMessage(_ => Messages.Rule_FunctionOnce);
        RuleFor(x => x.Goals).MaxItems(NetworkLimits.Goals);
        RuleForEach(x => x.Goals).NotEmpty().MaximumLength(NetworkLimits.Goal);
        RuleFor(x => x.Status).DefinedEnum();
        RuleFor(x => x.EndedOn).Must((x, _) => NetworkRules.StatusProblem(x.Status, x.StartedOn, x.EndedOn) is null)
            .WithMessage(x => NetworkRules.StatusProblem(x.Status, x.StartedOn, x.EndedOn)!);
        RuleFor(x => x.CadenceInterval).InclusiveBetween(1, NetworkLimits.MaxCadenceInterval);
        RuleFor(x => x.CadenceUnit).DefinedEnum();
        RuleFor(x => x.CadenceUnit).Must((x, unit) => (x.CadenceInterval is null) == (unit is null))
            .WithMessage(_ => Messages.Rule_CadenceTogether);
        RuleFor(x => x.SpaceIds).MaxItems(Limits.Spaces);
        RuleFor(x => x.Links).MaxItems(NetworkLimits.Links);
        RuleForEach(x => x.Links).SetValidator(new NetworkLinkInputValidator());
        RuleFor(x => x.Links).Must(l => l!.DistinctBy(i => i.TargetNetworkId).Count() == l!.Count).When(x => x.Links is not null)
            .WithMessage(_ => Messages.Rule_LinkOnce);
    }
}

/// <summary>Rules only the data can decide: referenced actors, spaces and networks exist; links make no cycle.</summary>
internal static class NetworkChecks
{
    private sealed class NameRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed class LinkEnds
    {
        public Guid SourceNetworkId { get; init; }
        public Guid TargetNetworkId { get; init; }
    }

    public static async Task CheckReferencesAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, NetworkFields f,
        Guid selfId)
    {
        if (f.CoordinatorActorId is { } actorId && !await ActorExistsAsync(connection, tx, actorId))
            throw new InvalidFieldException("coordinatorActorId", Text.DoesNotExist("Actor", actorId));
        var spaceIds = f.SpaceIds?.Distinct().ToList() ?? [];
        if (spaceIds.Count > 0)
        {
            var found = (await connection.QueryAsync<Guid>($"SELECT id FROM spaces WHERE {dialect.In("id", "@spaceIds")}", new { spaceIds },
                    tx)).ToHashSet();
            var missing = spaceIds.Where(s => !found.Contains(s)).ToList();
            if (missing.Count > 0) throw new InvalidFieldException("spaceIds", Text.DoesNotExist("Space", missing[0]));
        }
        var links = f.Links?.ToList() ?? [];
        if (links.Count == 0) return;
        var targets = links.Select(l => l.TargetNetworkId).ToList();
        var existing = (await connection.QueryAsync<Guid>($"SELECT id FROM networks WHERE {dialect.In("id", "@targets")}", new { targets },
                tx)).ToHashSet();
        for (var i = 0; i < links.Count; i++)
        {
            if (links[i].TargetNetworkId != selfId && !existing.Contains(links[i].TargetNetworkId))
                throw new InvalidFieldException($"links[{i}].targetNetworkId", Text.DoesNotExist("Network", links[i].TargetNetworkId));
        }
        var all = await connection.QueryAsync<LinkEnds>("SELECT source_network_id, target_network_id FROM network_links", transaction: tx);
        if (NetworkLinkRules.FindCycle(selfId, targets, all.Select(l => (l.SourceNetworkId, l.TargetNetworkId))) is { } cycle)
        {
            var message = cycle.Path.Count == 2
                ? Messages.Field_NetworkSelfLink
                : Text.Format(Messages.Field_NetworkCycle, await DescribePathAsync(connection, tx, dialect, cycle.Path));
            throw new InvalidFieldException($"links[{cycle.Index}].targetNetworkId", message);
        }
    }

    public static async Task<bool> ActorExistsAsync(DbConnection connection, DbTransaction? tx, Guid actorId) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM actors WHERE id = @actorId", new { actorId }, tx) > 0;

    private static async Task<string> DescribePathAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect,
        IReadOnlyList<Guid> path)
    {
        var names = (await connection.QueryAsync<NameRow>($"SELECT id, name FROM networks WHERE {dialect.In("id", "@ids")}",
                new { ids = path.Distinct().ToList() }, tx))
            .ToDictionary(r => r.Id, r => r.Name);
        return string.Join(" → ", path.Select(id => names.GetValueOrDefault(id, id.ToString())));
    }

    /// <summary>Replaces functions, goals, spaces and outgoing links (null leaves a part unchanged on update).</summary>
    public static async Task ReplacePartsAsync(DbConnection connection, DbTransaction tx, Guid id, NetworkFields f, DateTimeOffset now,
        bool creating)
    {
        if (creating || f.Functions is not null)
        {
            await connection.ExecuteAsync("DELETE FROM network_functions WHERE network_id = @id", new { id }, tx);
            foreach (var function in f.Functions?.Distinct() ?? [])
                await connection.ExecuteAsync("INSERT INTO network_functions (network_id, function_name) VALUES (@id, @name)",
                    new { id, name = function.ToString() }, tx);
        }
        if (creating || f.Goals is not null)
        {
            await connection.ExecuteAsync("DELETE FROM network_goals WHERE network_id = @id", new { id }, tx);
            var order = 0;
            foreach (var goal in f.Goals ?? [])
                await connection.ExecuteAsync("INSERT INTO network_goals (network_id, sort_order, goal) VALUES (@id, @order, @goal)",
                    new { id, order = ++order, goal = goal.Trim() }, tx);
        }
        if (creating || f.SpaceIds is not null)
        {
            await connection.ExecuteAsync("DELETE FROM network_spaces WHERE network_id = @id", new { id }, tx);
            foreach (var spaceId in f.SpaceIds?.Distinct() ?? [])
                await connection.ExecuteAsync("INSERT INTO network_spaces (network_id, space_id) VALUES (@id, @spaceId)",
                    new { id, spaceId }, tx);
        }
        if (creating || f.Links is not null)
        {
            await connection.ExecuteAsync("DELETE FROM network_links WHERE source_network_id = @id", new { id }, tx);
            foreach (var link in f.Links ?? [])
                await connection.ExecuteAsync("""
                    INSERT INTO network_links (id, source_network_id, target_network_id, link_type, note, created_at)
                    VALUES (@linkId, @id, @TargetNetworkId, @type, @note, @now)
                    """, new { linkId = Guid.CreateVersion7(), id, link.TargetNetworkId, type = link.Type.ToString(),
                        note = Trimmed(link.Note), now }, tx);
        }
    }

    /// <summary>Trimmed text, or null when empty.</summary>
    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
