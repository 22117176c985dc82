using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Networks;

/// <summary>The editable fields of a membership, shared by add and update.</summary>
public abstract record NetworkMemberFields
{
    public Guid ActorId { get; init; }
    /// <summary>Role in the network (required).</summary>
    public MemberRole Role { get; init; } = MemberRole.Member;
    /// <summary>For delegates (and only for them): the network that sends the actor.</summary>
    public Guid? DelegatedFromNetworkId { get; init; }
    /// <summary>First day of the membership; today when omitted.</summary>
    public DateOnly? ValidFrom { get; init; }
    /// <summary>Last day (inclusive); open when omitted.</summary>
    public DateOnly? ValidTo { get; init; }
    public string? Note { get; init; }
}

public abstract class NetworkMemberFieldsValidator<T> : AbstractValidator<T> where T : NetworkMemberFields
{
    protected NetworkMemberFieldsValidator()
    {
        RuleFor(x => x.ActorId).NotEmpty();
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage(_ => Text.Format(Messages.Rule_NotBefore, "validTo", "validFrom"));
        RuleFor(x => x.Note).MaximumLength(Limits.Note);
    }
}

internal static class NetworkMemberChecks
{
    private sealed class ActorState
    {
        public Guid Id { get; init; }
        public DateTimeOffset? ArchivedAt { get; init; }
    }

    private sealed class Period
    {
        public Guid Id { get; init; }
        public DateOnly ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
    }

    /// <summary>
    /// Checks a membership against the data: the network exists (404), the actor exists (400; archived actors cannot
    /// join), the delegating network exists, and the actor does not hold the same role for an overlapping period (409).
    /// The network's row stays locked until the transaction ends, so concurrent requests for the same network check and
    /// write one after the other (on every instance) and the overlap rule holds.
    /// </summary>
    public static async Task CheckAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, Guid networkId, Guid? selfId, NetworkMemberFields f, DateOnly validFrom, bool joining, CancellationToken ct)
    {
        if (!await dialect.LockForUpdateAsync(connection, tx, "networks", networkId, ct))
            throw new NotFoundException("Network", networkId);
        var actor = await connection.QuerySingleOrDefaultAsync<ActorState>("SELECT id, archived_at FROM actors WHERE id = @ActorId", new { f.ActorId }, tx)
            ?? throw new InvalidFieldException("actorId", Text.DoesNotExist("Actor", f.ActorId));
        if (joining && actor.ArchivedAt is not null)
            throw new InvalidFieldException("actorId", Text.Format(Messages.Field_ActorArchived, f.ActorId));
        if (MembershipRules.Problem(networkId, f.Role, f.DelegatedFromNetworkId, validFrom, f.ValidTo) is { } problem)
            throw new InvalidFieldException(problem.Field, problem.Message);
        if (f.DelegatedFromNetworkId is { } fromId
            && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM networks WHERE id = @fromId", new { fromId }, tx) == 0)
            throw new InvalidFieldException("delegatedFromNetworkId", Text.DoesNotExist("Network", fromId));
        var periods = await connection.QueryAsync<Period>(
            "SELECT id, valid_from, valid_to FROM network_members WHERE network_id = @networkId AND actor_id = @ActorId AND role = @role",
            new { networkId, f.ActorId, role = f.Role.ToString() }, tx);
        var clash = periods.FirstOrDefault(p => p.Id != selfId && MembershipRules.Overlaps(p.ValidFrom, p.ValidTo, validFrom, f.ValidTo));
        if (clash is not null)
            throw new ConflictException(
                clash.ValidTo is { } to ? Text.Format(Messages.Conflict_RoleOverlapsUntil, f.Role, clash.ValidFrom, to)
                    : Text.Format(Messages.Conflict_RoleOverlaps, f.Role, clash.ValidFrom),
                "validFrom");
    }
}
