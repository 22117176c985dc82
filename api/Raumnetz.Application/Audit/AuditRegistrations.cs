using Dapper;
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
using Raumnetz.Application.ServiceCoverage;
using Raumnetz.Application.Services;
using Raumnetz.Application.Spaces;
using Raumnetz.Application.Tasks;
using Raumnetz.Application.Taxonomies;
using Raumnetz.Application.Users;
using Raumnetz.Application.Verification;
using Raumnetz.Application.Webhooks;
using Raumnetz.Domain.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Raumnetz.Application.Audit;

/// <summary>The kinds of entity the audit trail knows, with the read that gives each one's state.</summary>
public static class AuditEntities
{
    public static readonly AuditEntity Space = AuditEntity.Dto<SpaceReads>("space",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Actor = AuditEntity.Dto<ActorReads>("actor",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity ActorType = new("actorType", async (sp, c, tx, code, ct) =>
        await sp.GetRequiredService<ActorTypeReads>().LoadAsync(c, tx, code, ct));
    public static readonly AuditEntity ActorRelation = AuditEntity.Dto<ActorRelationReads>("actorRelation",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Network = AuditEntity.Dto<NetworkReads>("network",
        async (r, c, tx, id, sp, ct) => await r.LoadAsync(c, tx, id, sp.GetRequiredService<TimeProvider>().Today(), ct));
    public static readonly AuditEntity NetworkMember = AuditEntity.Row("networkMember", "network_members");
    public static readonly AuditEntity Meeting = AuditEntity.Dto<MeetingReads>("meeting",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Task = AuditEntity.Dto<TaskReads>("task",
        async (r, c, tx, id, sp, ct) => await r.LoadAsync(c, tx, id, sp.GetRequiredService<TimeProvider>().Today(), ct));
    public static readonly AuditEntity Indicator = AuditEntity.Dto<IndicatorReads>("indicator",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity IndicatorSet = AuditEntity.Dto<IndicatorSetReads>("indicatorSet",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Observation = AuditEntity.Row("observation", "observations");
    public static readonly AuditEntity Assessment = AuditEntity.Dto<AssessmentReads>("assessment",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Taxonomy = new("taxonomy", async (_, c, tx, id, ct) =>
        Guid.TryParse(id, out var g) ? await TaxonomyReads.LoadTaxonomyAsync(c, tx, g, ct) : null);
    public static readonly AuditEntity TaxonomyTerm = new("taxonomyTerm", async (_, c, tx, id, ct) =>
        Guid.TryParse(id, out var g) ? await TaxonomyReads.LoadTermAsync(c, tx, g, ct) : null);
    public static readonly AuditEntity Location = AuditEntity.Dto<LocationReads>("location",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Service = AuditEntity.Dto<ServiceReads>("service",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Funding = AuditEntity.Dto<FundingReads>("funding",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity CapacityEntry = AuditEntity.Row("capacityEntry", "capacity_entries");
    public static readonly AuditEntity Verification = AuditEntity.Row("serviceVerification", "service_verifications");
    public static readonly AuditEntity InventoryRound = AuditEntity.Dto<InventoryRoundReads>("inventoryRound",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    public static readonly AuditEntity Inventory = new("inventory", null);
    public static readonly AuditEntity User = AuditEntity.Dto<UserReads>("user",
        async (r, c, tx, id, _, ct) => await r.LoadAsync(c, tx, id, ct));
    /// <summary>A user's sign-ins, sign-outs and sessions: recorded under the user, without state.</summary>
    public static readonly AuditEntity UserEvent = new("user", null);
    public static readonly AuditEntity ApiKey = AuditEntity.Row("apiKey", "api_keys", "key_prefix", "key_hash", "last_used_at");
    public static readonly AuditEntity NetworkEvent = new("network", null);
    /// <summary>What the caller's start page shows (the caller is the entry's principal).</summary>
    public static readonly AuditEntity UserPreferences = new("userPreferences", null);
    /// <summary>A webhook subscription (never its secret, nor the dispatcher's bookkeeping of leases and retries).</summary>
    public static readonly AuditEntity WebhookSubscription = AuditEntity.Row("webhookSubscription", "webhook_subscriptions", "secret",
        "leased_by", "leased_until", "last_seq", "attempts", "next_attempt_at", "failing_since");
}

/// <summary>
/// Every command's audit registration. A new command must be added here: a test walks every <see cref="Common.ICommand{T}"/>
/// of the application and fails for one that is missing.
/// </summary>
public static class AuditRegistrations
{
    public static AuditRegistry Build(AuditRegistry r)
    {
        // Spaces
        r.Create<CreateSpaceCommand, SpaceDto>(AuditEntities.Space, d => d.Id)
            .Change<UpdateSpaceCommand>(AuditEntities.Space, "update", c => c.Id)
            .Change<EndSpaceCommand>(AuditEntities.Space, "end", c => c.Id)
            .Change<DeleteSpaceCommand>(AuditEntities.Space, "delete", c => c.Id)
            .Bulk<ImportSpacesCommand, ImportSpacesResult>(AuditEntities.Space with { Load = null }, "import",
                x => new { x.Created, x.Updated });
        // Actors and their types and relations
        r.Create<CreateActorCommand, ActorDto>(AuditEntities.Actor, d => d.Id)
            .Change<UpdateActorCommand>(AuditEntities.Actor, "update", c => c.Id)
            .Change<ArchiveActorCommand>(AuditEntities.Actor, "archive", c => c.Id)
            .Change<RestoreActorCommand>(AuditEntities.Actor, "restore", c => c.Id)
            .Change<CreateActorTypeCommand>(AuditEntities.ActorType, "create", c => c.Code.Trim())
            .Change<UpdateActorTypeCommand>(AuditEntities.ActorType, "update", c => c.Code.Trim())
            .Create<CreateActorRelationCommand, ActorRelationDto>(AuditEntities.ActorRelation, d => d.Id)
            .Change<UpdateActorRelationCommand>(AuditEntities.ActorRelation, "update", c => c.Id)
            .Change<DeleteActorRelationCommand>(AuditEntities.ActorRelation, "delete", c => c.Id);
        // Networks, members, meetings, agreements
        r.Create<CreateNetworkCommand, NetworkDto>(AuditEntities.Network, d => d.Id)
            .Change<UpdateNetworkCommand>(AuditEntities.Network, "update", c => c.Id)
            .Change<EndNetworkCommand>(AuditEntities.Network, "end", c => c.Id)
            .Change<RevokeNetworkCalendarTokenCommand>(AuditEntities.NetworkEvent, "revokeCalendarToken", c => c.NetworkId)
            .Create<AddNetworkMemberCommand, NetworkMemberDto>(AuditEntities.NetworkMember, d => d.Id)
            .Change<UpdateNetworkMemberCommand>(AuditEntities.NetworkMember, "update", c => c.MemberId)
            .Change<EndNetworkMemberCommand>(AuditEntities.NetworkMember, "end", c => c.MemberId)
            .Change<RemoveNetworkMemberCommand>(AuditEntities.NetworkMember, "delete", c => c.MemberId)
            .Create<CreateMeetingCommand, MeetingDto>(AuditEntities.Meeting, d => d.Id)
            .Change<UpdateMeetingCommand>(AuditEntities.Meeting, "update", c => c.Id)
            .Change<DeleteMeetingCommand>(AuditEntities.Meeting, "delete", c => c.Id)
            .Create<CreateTaskCommand, TaskDto>(AuditEntities.Task, d => d.Id)
            .Change<UpdateTaskCommand>(AuditEntities.Task, "update", c => c.Id)
            .Change<DeleteTaskCommand>(AuditEntities.Task, "delete", c => c.Id);
        // Indicators
        r.Create<CreateIndicatorCommand, IndicatorDto>(AuditEntities.Indicator, d => d.Id)
            .Change<UpdateIndicatorCommand>(AuditEntities.Indicator, "update", c => c.Id)
            .Change<DeleteIndicatorCommand>(AuditEntities.Indicator, "delete", c => c.Id)
            .Create<CreateIndicatorSetCommand, IndicatorSetDto>(AuditEntities.IndicatorSet, d => d.Id)
            .Change<UpdateIndicatorSetCommand>(AuditEntities.IndicatorSet, "update", c => c.Id)
            .Change<SetIndicatorSetGoalsCommand>(AuditEntities.IndicatorSet, "setGoals", c => c.Id)
            .Change<DeleteIndicatorSetCommand>(AuditEntities.IndicatorSet, "delete", c => c.Id)
            .Upsert<UpsertObservationCommand, UpsertObservationResult>(AuditEntities.Observation, async (c, connection, tx) =>
                    Period.TryParse(c.Period, out var period)
                        ? (await connection.QuerySingleOrDefaultAsync<Guid?>(
                            "SELECT id FROM observations WHERE indicator_id = @IndicatorId AND space_id = @SpaceId AND period = @p",
                            new { c.IndicatorId, c.SpaceId, p = period.ToString() }, tx))?.ToString()
                        : null,
                x => x.Observation.Id, x => x.Created)
            .Change<DeleteObservationCommand>(AuditEntities.Observation, "delete", c => c.Id)
            .Bulk<StoreCoverageIndicatorsCommand, StoredCoverageDto>(AuditEntities.Indicator with { Load = null }, "storeCoverage",
                x => new { x.Period, Indicators = x.Indicators.Select(i => i.Code).ToArray() })
            .Bulk<ImportObservationsCommand, ImportObservationsResult>(AuditEntities.Observation with { Load = null }, "import",
                x => new { x.Rows, x.Created, x.Updated })
            .Create<CreateAssessmentCommand, AssessmentDto>(AuditEntities.Assessment, d => d.Id)
            .Change<UpdateAssessmentCommand>(AuditEntities.Assessment, "update", c => c.Id)
            .Change<DeleteAssessmentCommand>(AuditEntities.Assessment, "delete", c => c.Id);
        // Inventory
        r.Create<CreateTaxonomyCommand, TaxonomyDto>(AuditEntities.Taxonomy, d => d.Id)
            .Create<CreateTaxonomyTermCommand, TaxonomyTermDto>(AuditEntities.TaxonomyTerm, d => d.Id)
            .Change<UpdateTaxonomyTermCommand>(AuditEntities.TaxonomyTerm, "update", c => c.Id)
            .Create<CreateLocationCommand, LocationDto>(AuditEntities.Location, d => d.Id)
            .Change<UpdateLocationCommand>(AuditEntities.Location, "update", c => c.Id)
            .Change<ArchiveLocationCommand>(AuditEntities.Location, "archive", c => c.Id)
            .Change<RestoreLocationCommand>(AuditEntities.Location, "restore", c => c.Id)
            .Change<DeleteLocationCommand>(AuditEntities.Location, "delete", c => c.Id)
            .Create<CreateServiceCommand, ServiceDto>(AuditEntities.Service, d => d.Id)
            .Change<UpdateServiceCommand>(AuditEntities.Service, "update", c => c.Id)
            .Change<ArchiveServiceCommand>(AuditEntities.Service, "archive", c => c.Id)
            .Change<RestoreServiceCommand>(AuditEntities.Service, "restore", c => c.Id)
            .Change<DeleteServiceCommand>(AuditEntities.Service, "delete", c => c.Id)
            .Create<RecordCapacityCommand, CapacityEntryDto>(AuditEntities.CapacityEntry, d => d.Id)
            .Create<VerifyServiceCommand, VerificationDto>(AuditEntities.Verification, d => d.Id, "verify")
            .Create<CreateFundingCommand, FundingDto>(AuditEntities.Funding, d => d.Id)
            .Change<UpdateFundingCommand>(AuditEntities.Funding, "update", c => c.Id)
            .Change<DeleteFundingCommand>(AuditEntities.Funding, "delete", c => c.Id)
            .Create<CreateInventoryRoundCommand, InventoryRoundDto>(AuditEntities.InventoryRound, d => d.Id)
            .Change<UpdateInventoryRoundCommand>(AuditEntities.InventoryRound, "update", c => c.Id)
            .Change<CloseInventoryRoundCommand>(AuditEntities.InventoryRound, "close", c => c.Id)
            .Bulk<ImportInventoryCommand, InventoryImportResult>(AuditEntities.Inventory, "import", x => new { x.Rows, x.Created })
            .Bulk<ImportHsdsCommand, HsdsImportResult>(AuditEntities.Inventory, "importHsds",
                x => new { x.Records, x.Organizations, x.Locations, x.Services, x.ServiceAtLocations, x.TaxonomyTerms });
        // Accounts, API keys, sessions
        r.Create<CreateUserCommand, UserDto>(AuditEntities.User, d => d.Id)
            .Change<UpdateUserCommand>(AuditEntities.User, "update", c => c.Id)
            .Change<DeactivateUserCommand>(AuditEntities.User, "deactivate", c => c.Id)
            .Change<ReactivateUserCommand>(AuditEntities.User, "reactivate", c => c.Id)
            .Change<SetUserPasswordCommand>(AuditEntities.User, "setPassword", c => c.Id)
            .Change<ChangePasswordCommand>(AuditEntities.UserEvent, "changePassword", c => c.UserId)
            .Bulk<SaveMyPreferencesCommand, UserPreferencesDto>(AuditEntities.UserPreferences, "update", x => new { x.Dashboard })
            .Change<EndSessionCommand>(AuditEntities.UserEvent, "endSession", c => c.UserId)
            .Create<CreateApiKeyCommand, CreatedApiKeyDto>(AuditEntities.ApiKey, d => d.Id)
            .Change<RevokeApiKeyCommand>(AuditEntities.ApiKey, "revoke", c => c.Id)
            // Webhooks (issue 16): redeliveries and pings record the attempt, not a state (the HTTP call happens before the write)
            .Create<CreateWebhookSubscriptionCommand, CreatedWebhookSubscriptionDto>(AuditEntities.WebhookSubscription, d => d.Id)
            .Change<UpdateWebhookSubscriptionCommand>(AuditEntities.WebhookSubscription, "update", c => c.Id)
            .Change<DeleteWebhookSubscriptionCommand>(AuditEntities.WebhookSubscription, "delete", c => c.Id)
            .Change<RedeliverWebhookDeliveryCommand>(AuditEntities.WebhookSubscription with { Load = null }, "redeliver",
                c => c.SubscriptionId)
            .Change<PingWebhookSubscriptionCommand>(AuditEntities.WebhookSubscription with { Load = null }, "ping", c => c.Id)
            .Change<SetApiKeyRateLimitCommand>(AuditEntities.ApiKey, "setRateLimit", c => c.Id)
            .Resolve<SignInExternalCommand, ExternalSignInResult>(AuditEntities.User, async (c, connection, tx) =>
                    (await connection.QueryFirstOrDefaultAsync<Guid?>(
                        "SELECT id FROM users WHERE external_subject = @Subject OR email_key = @emailKey ORDER BY " +
                        "CASE WHEN external_subject = @Subject THEN 0 ELSE 1 END",
                        new { c.Subject, emailKey = c.Email?.Trim().ToLowerInvariant() }, tx))?.ToString(),
                x => x.User?.Id, x => x.User is null ? "signInRefused" : "signIn")
            .Change<Privacy.EraseActorCommand>(AuditEntities.Actor with { Load = null }, "erase", c => c.Id)
            .Change<Privacy.EraseUserCommand>(AuditEntities.UserEvent, "erase", c => c.Id)
            .Skip<EnsureAdministratorCommand>("creates the first administrator through CreateUserCommand, which is audited")
            .Skip<ReserveIdempotencyKeyCommand>("bookkeeping of the HTTP edge (Idempotency-Key), no entity")
            .Skip<ReleaseIdempotencyKeyCommand>("bookkeeping of the HTTP edge (Idempotency-Key), no entity")
            .Skip<SaveIdempotentResponseCommand>("bookkeeping of the HTTP edge (Idempotency-Key), no entity");
        return r;
    }
}
