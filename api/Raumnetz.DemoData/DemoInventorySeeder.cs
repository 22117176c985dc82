using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Application.Fundings;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.InventoryRounds;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Application.Verification;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.DemoData;

/// <summary>How many locations, services, fundings and inventory rounds the inventory seed created.</summary>
public sealed record SeedDemoInventoryResult(bool Seeded, int Locations, int Services, int Fundings, int Rounds);

/// <summary>
/// Sends the <see cref="DemoInventory"/> through the inventory commands: locations (with opening hours, closures and
/// accessibility), services at them, fundings, capacity history and past verifications; then opens the inventory round of
/// Marzahn-Hellersdorf and works half of it off (some services verified again, one new). Dates are relative to today. Actors,
/// spaces and networks are found by name or code as the demo data set creates them. Does nothing when any location exists.
/// <para>One instance per run.</para>
/// </summary>
public sealed class DemoInventorySeeder(IDbConnectionFactory db, IMediator mediator, TimeProvider clock)
{
    private readonly Dictionary<string, Guid> actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> spaces = new(StringComparer.Ordinal);
    private int fundings;

    public async Task<SeedDemoInventoryResult> SeedAsync(CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            var existing = await connection.ExecuteScalarAsync<long>(
                new CommandDefinition("SELECT COUNT(*) FROM locations", cancellationToken: ct));
            if (existing > 0)
                return new(false, 0, 0, 0, 0);
        }
        var problems = DemoInventory.Problems(DemoSpaces.All.ToDictionary(s => s.Code, StringComparer.Ordinal));
        if (problems.Count > 0) throw new InvalidOperationException("The demo inventory is inconsistent: " + string.Join(" ", problems));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var locations = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var services = new List<(DemoService Demo, Guid Id)>();
        foreach (var facility in DemoInventory.Facilities)
        {
            var location = await LocationAsync(facility, today, ct);
            locations[facility.Key] = location;
            foreach (var service in facility.Services)
                services.Add((service, await ServiceAsync(service, location, today, ct)));
        }

        // past verifications: some recent, some overdue (more than twelve months ago), some never
        foreach (var (demo, id) in services)
            if (demo.VerifiedMonthsAgo is { } months)
                await mediator.Send(new VerifyServiceCommand
                {
                    ServiceId = id, VerifiedOn = today.AddMonths(-months),
                    Note = months > 12 ? "Angaben telefonisch bestätigt." : "Angaben vor Ort geprüft.",
                }, ct);

        // the open inventory round: begun three weeks ago, half done
        var assignments = new List<RoundAssignmentInput>();
        foreach (var (actorName, spaceCode, categoryCode) in DemoInventory.RoundAssignments)
            assignments.Add(new RoundAssignmentInput
            {
                ActorId = await ActorAsync(actorName, ct), SpaceId = spaceCode is null ? null : await SpaceAsync(spaceCode, ct),
                CategoryCode = categoryCode,
            });
        await mediator.Send(new CreateInventoryRoundCommand
        {
            Name = DemoInventory.RoundName, SpaceId = await SpaceAsync(DemoInventory.RoundSpaceCode, ct),
            StartsOn = today.AddDays(-21), EndsOn = today.AddDays(40),
            Note = "Alle Einrichtungen und Angebote der Großsiedlungen prüfen; Ergebnisse in die AG Soziales.",
            Assignments = assignments,
        }, ct);
        foreach (var (demo, id) in services.Where(s => s.Demo.VerifiedInRound))
            await mediator.Send(new VerifyServiceCommand { ServiceId = id, Note = "Im Rahmen der Bestandsaufnahme geprüft." }, ct);
        var (facilityKey, newService) = DemoInventory.NewInRound;
        services.Add((newService, await ServiceAsync(newService, locations[facilityKey], today, ct)));

        return new(true, locations.Count, services.Count, fundings, 1);
    }

    private async Task<Guid> LocationAsync(DemoFacility f, DateOnly today, CancellationToken ct)
    {
        var christmas = new DateOnly(today.Year, 12, 24);
        var closures = new List<ClosureEntry>
        {
            new() { Kind = ClosureKind.Holiday, StartsOn = christmas, EndsOn = christmas.AddDays(7), Reason = "Weihnachten und Neujahr" },
        };
        if (f.SummerBreak)
        {
            var summer = new DateOnly(today.Month > 7 ? today.Year + 1 : today.Year, 7, 20);
            closures.Add(new()
            {
                Kind = ClosureKind.Closure, StartsOn = summer, EndsOn = summer.AddDays(13), Reason = "Sommerschließzeit",
            });
        }
        var created = await mediator.Send(new CreateLocationCommand
        {
            Name = f.Name,
            Kind = LocationKind.Physical,
            Latitude = f.Latitude,
            Longitude = f.Longitude,
            SpaceId = f.SetSpaceByHand ? await SpaceAsync(f.ExpectedSpaceCode, ct) : null,
            OwnerActorId = await ActorAsync(f.OwnerName, ct),
            Transportation = f.Transportation,
            Accessibility = new AccessibilityInfo
            {
                StepFreeAccess = f.Accessibility.StepFree, AccessibleToilet = f.Accessibility.Toilet, Lift = f.Accessibility.Lift,
                HearingLoop = f.Accessibility.HearingLoop, Description = f.Accessibility.Description,
            },
            Addresses = [new AddressEntry { Type = AddressType.Physical, Address1 = f.Street, PostalCode = f.PostalCode, City = f.City }],
            Languages = f.Languages?.Select(code => new LanguageEntry { Code = code }).ToList(),
            Contacts = [new ContactEntry { Department = "Büro", Email = $"kontakt@{f.Key}.example.org" }],
            OpeningHours = f.Hours.Select(h => new OpeningHoursRule
            {
                Frequency = ScheduleFrequency.Weekly, Days = h.Days, OpensAt = h.Opens, ClosesAt = h.Closes, Description = h.Description,
            }).ToList(),
            Closures = closures,
            ExternalId = f.Key,
        }, ct);
        return created.Id;
    }

    private async Task<Guid> ServiceAsync(DemoService s, Guid locationId, DateOnly today, CancellationToken ct)
    {
        var networkIds = new List<Guid>();
        foreach (var name in s.NetworkNames ?? []) networkIds.Add(await NetworkAsync(name, ct));
        var created = await mediator.Send(new CreateServiceCommand
        {
            Name = s.Name,
            Description = s.Description,
            Status = s.Status,
            OperatorId = await ActorAsync(s.OperatorName, ct),
            Categories = s.Categories,
            TargetGroups = s.TargetGroups,
            MinimumAge = s.MinimumAge,
            MaximumAge = s.MaximumAge,
            IsFree = s.IsFree,
            FeesDescription = s.FeesDescription,
            ApplicationProcess = s.ApplicationProcess,
            Languages = s.Languages?.Select(code => new LanguageEntry { Code = code }).ToList(),
            NetworkIds = networkIds,
            Locations = [new ServiceLocationEntry { LocationId = locationId, ExternalId = s.Key + "@" + locationId.ToString("N")[..8] }],
            ExternalId = s.Key,
        }, ct);
        foreach (var f in s.Fundings ?? [])
        {
            await mediator.Send(new CreateFundingCommand
            {
                ServiceId = created.Id, FunderActorId = await ActorAsync(f.FunderName, ct), Programme = f.Programme,
                AmountPerYear = f.AmountPerYear, SharePercent = f.SharePercent,
                StartsOn = new DateOnly(today.Year - f.StartedYearsAgo, 1, 1),
                EndsOn = f.EndsInDays is { } days ? today.AddDays(days) : null,
                RenewalStatus = f.Renewal, Note = f.Note,
            }, ct);
            fundings++;
        }
        if (s.Capacity is { } capacity)
            foreach (var (daysAgo, available) in capacity.History)
                await mediator.Send(new RecordCapacityCommand
                {
                    ServiceId = created.Id, LocationId = locationId, Unit = capacity.Unit, Maximum = capacity.Maximum,
                    Available = available, AsOf = today.AddDays(-daysAgo),
                }, ct);
        return created.Id;
    }

    private Task<Guid> ActorAsync(string name, CancellationToken ct) => LookUpAsync(actors, "SELECT id FROM actors WHERE name = @key", name,
        "actor", ct);

    private Task<Guid> SpaceAsync(string code, CancellationToken ct) => LookUpAsync(spaces, "SELECT id FROM spaces WHERE code = @key", code,
        "space", ct);

    private async Task<Guid> NetworkAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition("SELECT id FROM networks WHERE name = @name",
                   new { name }, cancellationToken: ct))
               ?? throw new InvalidOperationException($"The demo inventory refers to the network '{name}', which the demo data set lacks.");
    }

    private async Task<Guid> LookUpAsync(Dictionary<string, Guid> cache, string sql, string key, string what, CancellationToken ct)
    {
        if (cache.TryGetValue(key, out var cached)) return cached;
        await using var connection = await db.OpenAsync(ct);
        var id = await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { key }, cancellationToken: ct))
                 ?? throw new InvalidOperationException($"The demo inventory refers to the {what} '{key}', which the demo data set lacks.");
        cache[key] = id;
        return id;
    }
}
