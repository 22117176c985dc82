using Raumnetz.Application.ActorRelations;
using Raumnetz.Application.Actors;
using Raumnetz.Application.ActorTypes;
using Raumnetz.Application.ApiKeys;
using Raumnetz.Application.Assessments;
using Raumnetz.Application.Auth;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Idempotency;
using Raumnetz.Application.HsdsImport;
using Raumnetz.Application.Indicators;
using Raumnetz.Application.IndicatorSets;
using Raumnetz.Application.InventoryImport;
using Raumnetz.Application.InventoryRounds;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Meetings;
using Raumnetz.Application.Networks;
using Raumnetz.Application.Observations;
using Raumnetz.Application.Preferences;
using Raumnetz.Application.Privacy;
using Raumnetz.Application.ServiceCoverage;
using Raumnetz.Application.Services;
using Raumnetz.Application.Spaces;
using Raumnetz.Application.Tasks;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Application.Users;
using Raumnetz.Application.Verification;
using Raumnetz.Application.Webhooks;

namespace Raumnetz.Application.Authorization;

/// <summary>Who may send a command at all, before its target is looked at.</summary>
public enum WriteLevel
{
    /// <summary>Only the product itself (start-up, demo data): never a request.</summary>
    System,

    /// <summary>Anyone: a sign-in that authenticates by a token the edge validated (OpenID Connect).</summary>
    Anyone,

    /// <summary>Any signed-in user or API key (own password, own sessions, request bookkeeping).</summary>
    SignedIn,

    /// <summary>A global writer (editor, coordinator, administrator): scoped grants do not reach it (indicators, actors, ...).</summary>
    Writer,

    /// <summary>A global writer, or a holder of a grant that covers every network and space the command writes to.</summary>
    Scoped,

    /// <summary>Administrators only (accounts and keys).</summary>
    Admin,
}

/// <summary>
/// The networks and spaces a scoped command writes to. A grant must cover each of them: a network grant its network, a
/// space grant an ancestor-or-self of the space. A target that cannot be placed (an unknown id, a location without a
/// space) makes the command one for global writers only (<see cref="Unplaced"/>).
/// </summary>
public sealed class WriteTarget
{
    public List<Guid> Networks { get; } = [];
    public List<Guid> Spaces { get; } = [];
    public bool Unplaced { get; private set; }

    public WriteTarget Network(Guid? id)
    {
        if (id is { } n) Networks.Add(n); else Unplaced = true;
        return this;
    }

    public WriteTarget Space(Guid? id)
    {
        if (id is { } s) Spaces.Add(s); else Unplaced = true;
        return this;
    }

    public WriteTarget AllSpaces(IEnumerable<Guid?> ids)
    {
        foreach (var id in ids) Space(id);
        return this;
    }

    /// <summary>This target and the other one: a command that writes to both (a funding moved to another service).</summary>
    public WriteTarget And(WriteTarget other)
    {
        Networks.AddRange(other.Networks);
        Spaces.AddRange(other.Spaces);
        Unplaced |= other.Unplaced;
        return this;
    }

    /// <summary>Nothing a grant could cover was named: only global writers may send it.</summary>
    public bool IsEmpty => Networks.Count == 0 && Spaces.Count == 0;
}

/// <summary>The rule of one command type: its level and, for <see cref="WriteLevel.Scoped"/>, how to find its target.</summary>
public sealed record WriteRule(WriteLevel Level, Func<object, GrantReads, CancellationToken, Task<WriteTarget>>? Target = null);

/// <summary>
/// The authorization rule of every command (<see cref="Common.ICommand{TResponse}"/>), in one place:
/// <see cref="WriteAuthorizationBehaviour{TRequest, TResponse}"/> refuses a command without one, and a test walks every
/// command type and fails when one is missing here. Reads are not listed: every signed-in role reads everything.
/// Network grants reach a network, its members, meetings, calendar token and agreements (tasks); space grants reach the
/// spaces of the subtree (the root itself too, but not its place in the tree: moving or deleting it needs its parent),
/// observations, assessments, locations, services,
/// capacities, verifications and fundings inside it. Creating networks, actors, indicators, taxonomies, inventory rounds
/// and imports stay with global writers.
/// </summary>
public static class WriteRules
{
    private static readonly Dictionary<Type, WriteRule> Rules = Build();

    public static IReadOnlyDictionary<Type, WriteRule> All => Rules;

    public static WriteRule? For(Type commandType) => Rules.GetValueOrDefault(commandType);

    private static Dictionary<Type, WriteRule> Build()
    {
        var r = new Dictionary<Type, WriteRule>();
        void Level<T>(WriteLevel level) => r.Add(typeof(T), new WriteRule(level));
        void Scoped<T>(Func<T, GrantReads, CancellationToken, Task<WriteTarget>> target) =>
            r.Add(typeof(T), new WriteRule(WriteLevel.Scoped, (c, g, ct) => target((T)c, g, ct)));
        void Net<T>(Func<T, Guid> network) => Scoped<T>((c, _, _) => Task.FromResult(new WriteTarget().Network(network(c))));

        // Start-up and request bookkeeping
        Level<EnsureAdministratorCommand>(WriteLevel.System);
        Level<ReserveIdempotencyKeyCommand>(WriteLevel.SignedIn);
        Level<ReleaseIdempotencyKeyCommand>(WriteLevel.SignedIn);
        Level<SaveIdempotentResponseCommand>(WriteLevel.SignedIn);

        // Own account
        Level<SignInExternalCommand>(WriteLevel.Anyone);
        Level<ChangePasswordCommand>(WriteLevel.SignedIn);
        Level<EndSessionCommand>(WriteLevel.SignedIn);
        Level<SaveMyPreferencesCommand>(WriteLevel.SignedIn);

        // Accounts and keys
        Level<CreateUserCommand>(WriteLevel.Admin);
        Level<UpdateUserCommand>(WriteLevel.Admin);
        Level<DeactivateUserCommand>(WriteLevel.Admin);
        Level<ReactivateUserCommand>(WriteLevel.Admin);
        Level<SetUserPasswordCommand>(WriteLevel.Admin);
        Level<CreateApiKeyCommand>(WriteLevel.Admin);
        Level<RevokeApiKeyCommand>(WriteLevel.Admin);
        // Webhooks (issue 16)
        Level<CreateWebhookSubscriptionCommand>(WriteLevel.Admin);
        Level<UpdateWebhookSubscriptionCommand>(WriteLevel.Admin);
        Level<DeleteWebhookSubscriptionCommand>(WriteLevel.Admin);
        Level<RedeliverWebhookDeliveryCommand>(WriteLevel.Admin);
        Level<PingWebhookSubscriptionCommand>(WriteLevel.Admin);
        Level<SetApiKeyRateLimitCommand>(WriteLevel.Admin);

        // Personal data: erasure (Art. 17) is for administrators only
        Level<EraseActorCommand>(WriteLevel.Admin);
        Level<EraseUserCommand>(WriteLevel.Admin);

        // Global catalogues: actors, relations, types, indicators, sets, taxonomies, rounds, imports, new networks
        Level<CreateActorCommand>(WriteLevel.Writer);
        Level<UpdateActorCommand>(WriteLevel.Writer);
        Level<ArchiveActorCommand>(WriteLevel.Writer);
        Level<RestoreActorCommand>(WriteLevel.Writer);
        Level<CreateActorRelationCommand>(WriteLevel.Writer);
        Level<UpdateActorRelationCommand>(WriteLevel.Writer);
        Level<DeleteActorRelationCommand>(WriteLevel.Writer);
        Level<CreateActorTypeCommand>(WriteLevel.Writer);
        Level<UpdateActorTypeCommand>(WriteLevel.Writer);
        Level<CreateIndicatorCommand>(WriteLevel.Writer);
        Level<UpdateIndicatorCommand>(WriteLevel.Writer);
        Level<DeleteIndicatorCommand>(WriteLevel.Writer);
        Level<CreateIndicatorSetCommand>(WriteLevel.Writer);
        Level<UpdateIndicatorSetCommand>(WriteLevel.Writer);
        Level<DeleteIndicatorSetCommand>(WriteLevel.Writer);
        Level<SetIndicatorSetGoalsCommand>(WriteLevel.Writer);
        Level<CreateTaxonomyCommand>(WriteLevel.Writer);
        Level<CreateTaxonomyTermCommand>(WriteLevel.Writer);
        Level<UpdateTaxonomyTermCommand>(WriteLevel.Writer);
        Level<CreateInventoryRoundCommand>(WriteLevel.Writer);
        Level<UpdateInventoryRoundCommand>(WriteLevel.Writer);
        Level<CloseInventoryRoundCommand>(WriteLevel.Writer);
        Level<ImportInventoryCommand>(WriteLevel.Writer);
        Level<ImportHsdsCommand>(WriteLevel.Writer);
        Level<ImportObservationsCommand>(WriteLevel.Writer);
        Level<ImportSpacesCommand>(WriteLevel.Writer);
        Level<StoreCoverageIndicatorsCommand>(WriteLevel.Writer);
        Level<CreateNetworkCommand>(WriteLevel.Writer);

        // Networks, members, meetings, agreements
        Net<UpdateNetworkCommand>(c => c.Id);
        Net<EndNetworkCommand>(c => c.Id);
        Net<AddNetworkMemberCommand>(c => c.NetworkId);
        Net<UpdateNetworkMemberCommand>(c => c.NetworkId);
        Net<EndNetworkMemberCommand>(c => c.NetworkId);
        Net<RemoveNetworkMemberCommand>(c => c.NetworkId);
        Net<RevokeNetworkCalendarTokenCommand>(c => c.NetworkId);
        Net<CreateMeetingCommand>(c => c.NetworkId);
        Scoped<UpdateMeetingCommand>(async (c, g, ct) => new WriteTarget().Network(await g.NetworkOfMeetingAsync(c.Id, ct)));
        Scoped<DeleteMeetingCommand>(async (c, g, ct) => new WriteTarget().Network(await g.NetworkOfMeetingAsync(c.Id, ct)));
        Net<CreateTaskCommand>(c => c.NetworkId);
        Scoped<UpdateTaskCommand>(async (c, g, ct) => new WriteTarget().Network(await g.NetworkOfTaskAsync(c.Id, ct)).Network(c.NetworkId));
        Scoped<DeleteTaskCommand>(async (c, g, ct) => new WriteTarget().Network(await g.NetworkOfTaskAsync(c.Id, ct)));

        // Spaces: a new space needs a parent inside the subtree; a moved one its old and its new place.
        Scoped<CreateSpaceCommand>((c, _, _) => Task.FromResult(new WriteTarget().Space(c.ParentId)));
        Scoped<UpdateSpaceCommand>(async (c, g, ct) =>
        {
            var target = new WriteTarget().Space(c.Id);
            var parent = await g.ParentOfSpaceAsync(c.Id, ct);
            return parent == c.ParentId ? target : target.Space(parent).Space(c.ParentId);
        });
        Scoped<EndSpaceCommand>((c, _, _) => Task.FromResult(new WriteTarget().Space(c.Id)));
        Scoped<DeleteSpaceCommand>(async (c, g, ct) => new WriteTarget().Space(await g.ParentOfSpaceAsync(c.Id, ct)).Space(c.Id));

        // Observations and assessments
        Scoped<UpsertObservationCommand>((c, _, _) => Task.FromResult(new WriteTarget().Space(c.SpaceId)));
        Scoped<DeleteObservationCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfObservationAsync(c.Id, ct)));
        Scoped<CreateAssessmentCommand>((c, _, _) => Task.FromResult(new WriteTarget().Space(c.SpaceId)));
        Scoped<UpdateAssessmentCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfAssessmentAsync(c.Id, ct)));
        Scoped<DeleteAssessmentCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfAssessmentAsync(c.Id, ct)));

        // Inventory: a location by its space; a service by every space it is tied to; a funding by its service.
        Scoped<CreateLocationCommand>((c, _, _) => Task.FromResult(new WriteTarget().Space(c.SpaceId)));
        Scoped<UpdateLocationCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfLocationAsync(c.Id, ct)).Space(c.SpaceId));
        Scoped<ArchiveLocationCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfLocationAsync(c.Id, ct)));
        Scoped<RestoreLocationCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfLocationAsync(c.Id, ct)));
        Scoped<DeleteLocationCommand>(async (c, g, ct) => new WriteTarget().Space(await g.SpaceOfLocationAsync(c.Id, ct)));
        Scoped<CreateServiceCommand>((c, g, ct) => ServiceTargetAsync(null, c, g, ct));
        Scoped<UpdateServiceCommand>((c, g, ct) => ServiceTargetAsync(c.Id, c, g, ct));
        Scoped<ArchiveServiceCommand>((c, g, ct) => ServiceTargetAsync(c.Id, null, g, ct));
        Scoped<RestoreServiceCommand>((c, g, ct) => ServiceTargetAsync(c.Id, null, g, ct));
        Scoped<DeleteServiceCommand>((c, g, ct) => ServiceTargetAsync(c.Id, null, g, ct));
        Scoped<VerifyServiceCommand>((c, g, ct) => ServiceTargetAsync(c.ServiceId, null, g, ct));
        Scoped<RecordCapacityCommand>(async (c, g, ct) =>
            (await ServiceTargetAsync(c.ServiceId, null, g, ct)).Space(await g.SpaceOfLocationAsync(c.LocationId, ct)));
        Scoped<CreateFundingCommand>((c, g, ct) => ServiceTargetAsync(c.ServiceId, null, g, ct));
        Scoped<UpdateFundingCommand>(async (c, g, ct) =>
        {
            var target = await ServiceTargetAsync(await g.ServiceOfFundingAsync(c.Id, ct), null, g, ct);
            return target.And(await ServiceTargetAsync(c.ServiceId, null, g, ct));
        });
        Scoped<DeleteFundingCommand>(async (c, g, ct) => await ServiceTargetAsync(await g.ServiceOfFundingAsync(c.Id, ct), null, g, ct));

        return r;
    }

    /// <summary>
    /// The spaces of a service: those it is tied to now (an existing service) and those the command ties it to (its
    /// locations' spaces and the spaces it serves). A service tied to no space, or to a location without one, is unplaced.
    /// </summary>
    private static async Task<WriteTarget> ServiceTargetAsync(Guid? existing, ServiceFields? fields, GrantReads g, CancellationToken ct)
    {
        var target = new WriteTarget();
        if (existing is { } id)
        {
            if (!await g.ServiceExistsAsync(id, ct) || await g.ServiceHasUnplacedLocationAsync(id, ct)) return target.Space(null);
            foreach (var space in await g.SpacesOfServiceAsync(id, ct)) target.Space(space);
        }
        else if (fields is null) return target.Space(null);
        if (fields is not null)
        {
            target.AllSpaces(await g.SpacesOfLocationsAsync((fields.Locations ?? []).Select(l => l.LocationId).ToList(), ct));
            foreach (var space in fields.ServedSpaceIds ?? []) target.Space(space);
        }
        if (target.IsEmpty) target.Space(null);
        return target;
    }
}
