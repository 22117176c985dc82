using System.Data.Common;
using Dapper;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Inventory;

/// <summary>Whose parts a row holds: the owner column of inventory_contacts, inventory_phones, schedules and schedule_closures.</summary>
public enum PartOwner
{
    Location,
    Service,
    ServiceAtLocation,
}

/// <summary>The contacts, phones, opening hours and closures of one owner, as read back.</summary>
public sealed record InventoryPartSet(
    IReadOnlyList<ContactEntry> Contacts, IReadOnlyList<PhoneEntry> Phones, IReadOnlyList<OpeningHoursRule> OpeningHours,
    IReadOnlyList<ClosureEntry> Closures)
{
    public static readonly InventoryPartSet Empty = new([], [], [], []);
}

/// <summary>
/// Writes and reads the parts locations, services and services at locations share (HSDS contact, phone, schedule, plus
/// closures): replaced as a whole on every write, read for many owners with one query per table.
/// </summary>
public static class InventoryPartsStore
{
    /// <summary>The longest id list one query takes (SQL Server accepts 2,100 parameters).</summary>
    public const int MaxIds = 1000;

    private const int MaxOwners = 40;

    private static string Column(PartOwner owner) => owner switch
    {
        PartOwner.Location => "location_id",
        PartOwner.Service => "service_id",
        _ => "service_at_location_id",
    };

    /// <summary>Deletes the parts of the owners (before they are replaced, or before the owners are deleted).</summary>
    public static async Task DeleteAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, PartOwner owner,
        IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return;
        var col = Column(owner);
        var p = new { ids = ids.ToList() };
        var phones = $"SELECT id FROM inventory_phones WHERE {dialect.In(col, "@ids")} OR contact_id IN " +
            $"(SELECT id FROM inventory_contacts WHERE {dialect.In(col, "@ids")})";
        await connection.ExecuteAsync($"DELETE FROM inventory_phone_languages WHERE phone_id IN ({phones})", p, tx);
        await connection.ExecuteAsync(
            $"DELETE FROM inventory_phones WHERE contact_id IN (SELECT id FROM inventory_contacts WHERE {dialect.In(col, "@ids")})", p, tx);
        await connection.ExecuteAsync($"DELETE FROM inventory_phones WHERE {dialect.In(col, "@ids")}", p, tx);
        await connection.ExecuteAsync($"DELETE FROM inventory_contacts WHERE {dialect.In(col, "@ids")}", p, tx);
        await connection.ExecuteAsync($"DELETE FROM schedules WHERE {dialect.In(col, "@ids")}", p, tx);
        await connection.ExecuteAsync($"DELETE FROM schedule_closures WHERE {dialect.In(col, "@ids")}", p, tx);
    }

    /// <summary>Replaces the parts given (a null list keeps what is stored).</summary>
    public static async Task ReplaceAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, PartOwner owner, Guid id,
        IHasInventoryParts parts)
    {
        var col = Column(owner);
        var p = new { id };
        if (parts.Contacts is not null)
        {
            await connection.ExecuteAsync($"""
                DELETE FROM inventory_phone_languages WHERE phone_id IN (SELECT ph.id FROM inventory_phones ph
                    JOIN inventory_contacts c ON c.id = ph.contact_id WHERE c.{col} = @id)
                """, p, tx);
            await connection.ExecuteAsync(
                $"DELETE FROM inventory_phones WHERE contact_id IN (SELECT id FROM inventory_contacts WHERE {col} = @id)", p, tx);
            await connection.ExecuteAsync($"DELETE FROM inventory_contacts WHERE {col} = @id", p, tx);
            var order = 0;
            foreach (var c in parts.Contacts)
            {
                var contactId = Guid.CreateVersion7();
                await connection.ExecuteAsync($"""
                    INSERT INTO inventory_contacts (id, {col}, name, title, department, email, sort_order)
                    VALUES (@contactId, @id, @name, @title, @department, @email, @order)
                    """, new
                {
                    contactId, id, name = InventoryParts.Optional(c.Name), title = InventoryParts.Optional(c.Title),
                    department = InventoryParts.Optional(c.Department), email = InventoryParts.Optional(c.Email), order = order++,
                }, tx);
                await InsertPhonesAsync(connection, tx, "contact_id", contactId, c.Phones ?? []);
            }
        }
        if (parts.Phones is not null)
        {
            await connection.ExecuteAsync(
                $"DELETE FROM inventory_phone_languages WHERE phone_id IN (SELECT id FROM inventory_phones WHERE {col} = @id)", p, tx);
            await connection.ExecuteAsync($"DELETE FROM inventory_phones WHERE {col} = @id", p, tx);
            await InsertPhonesAsync(connection, tx, col, id, parts.Phones);
        }
        if (parts.OpeningHours is not null)
        {
            await connection.ExecuteAsync($"DELETE FROM schedules WHERE {col} = @id", p, tx);
            var order = 0;
            foreach (var r in parts.OpeningHours)
            {
                await connection.ExecuteAsync($"""
                    INSERT INTO schedules (id, {col}, freq, byday, opens_at, closes_at, valid_from, valid_to, dtstart, until,
                        occurrence_count, wkst, recurrence_interval, byweekno, bymonthday, byyearday, timezone, description,
                        schedule_link, attending_type, notes, sort_order)
                    VALUES (@sid, @id, @freq, @byday, @opensAt, @closesAt, @ValidFrom, @ValidTo, @Dtstart, @Until,
                        @Count, @wkst, @Interval, @byWeekNo, @byMonthDay, @byYearDay, @Timezone, @description,
                        @scheduleLink, @attendingType, @notes, @order)
                    """, new
                {
                    sid = Guid.CreateVersion7(), id,
                    freq = (r.Frequency ?? ScheduleFrequency.Weekly) == ScheduleFrequency.Weekly ? "WEEKLY" : "MONTHLY",
                    byday = r.Days is { Count: > 0 } d ? string.Join(',', d.Distinct().Order().Select(InventoryRules.DayCode)) : null,
                    opensAt = r.OpensAt, closesAt = r.ClosesAt, r.ValidFrom, r.ValidTo, r.Dtstart, r.Until, r.Count,
                    wkst = r.WeekStart is { } w ? InventoryRules.DayCode(w) : null, r.Interval,
                    byWeekNo = InventoryParts.Optional(r.ByWeekNo), byMonthDay = InventoryParts.Optional(r.ByMonthDay),
                    byYearDay = InventoryParts.Optional(r.ByYearDay), r.Timezone, description = InventoryParts.Optional(r.Description),
                    scheduleLink = InventoryParts.Optional(r.ScheduleLink), attendingType = InventoryParts.Optional(r.AttendingType),
                    notes = InventoryParts.Optional(r.Notes), order = order++,
                }, tx);
            }
        }
        if (parts.Closures is not null)
        {
            await connection.ExecuteAsync($"DELETE FROM schedule_closures WHERE {col} = @id", p, tx);
            var order = 0;
            foreach (var c in parts.Closures)
            {
                await connection.ExecuteAsync($"""
                    INSERT INTO schedule_closures (id, {col}, kind, starts_on, ends_on, reason, sort_order)
                    VALUES (@cid, @id, @kind, @StartsOn, @endsOn, @reason, @order)
                    """, new
                {
                    cid = Guid.CreateVersion7(), id, kind = c.Kind.ToString(), c.StartsOn, endsOn = c.EndsOn ?? c.StartsOn,
                    reason = InventoryParts.Optional(c.Reason), order = order++,
                }, tx);
            }
        }
    }

    private static async Task InsertPhonesAsync(DbConnection connection, DbTransaction tx, string col, Guid id,
        IReadOnlyList<PhoneEntry> phones)
    {
        var order = 0;
        foreach (var ph in phones)
        {
            var phoneId = Guid.CreateVersion7();
            await connection.ExecuteAsync($"""
                INSERT INTO inventory_phones (id, {col}, number, extension, type, description, sort_order)
                VALUES (@phoneId, @id, @number, @Extension, @type, @description, @order)
                """, new
            {
                phoneId, id, number = ph.Number.Trim(), ph.Extension, type = ph.Type, description = InventoryParts.Optional(ph.Description),
                order = order++,
            }, tx);
            await InsertLanguagesAsync(connection, tx, "inventory_phone_languages", "phone_id", phoneId, ph.Languages ?? []);
        }
    }

    /// <summary>Replaces the languages of an owner in <paramref name="table"/> (location_languages, service_languages, ...).</summary>
    public static async Task InsertLanguagesAsync(DbConnection connection, DbTransaction tx, string table, string ownerColumn, Guid id,
        IReadOnlyList<LanguageEntry> languages)
    {
        await connection.ExecuteAsync($"DELETE FROM {table} WHERE {ownerColumn} = @id", new { id }, tx);
        var order = 0;
        foreach (var l in languages)
        {
            await connection.ExecuteAsync($"""
                INSERT INTO {table} ({ownerColumn}, code, name, note, sort_order) VALUES (@id, @code, @name, @note, @order)
                """,
                new { id, code = l.Code, name = InventoryParts.Optional(l.Name), note = InventoryParts.Optional(l.Note), order = order++ },
                tx);
        }
    }

    /// <summary>The languages of many owners from <paramref name="table"/>, in their order.</summary>
    public static async Task<ILookup<Guid, LanguageEntry>> LoadLanguagesAsync(DbConnection connection, DbTransaction? tx,
        ISqlDialect dialect,
        string table, string ownerColumn, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = new List<(Guid Owner, LanguageEntry Language)>();
        foreach (var chunk in ids.Chunk(MaxIds))
        {
            var found = await connection.QueryByOwnerAsync<LanguageEntry>(
                $"SELECT {ownerColumn}, code, name, note FROM {table} WHERE {dialect.In(ownerColumn, "@ids")} " +
                $"ORDER BY {ownerColumn}, sort_order",
                new { ids = chunk.ToList() }, "code", tx, ct);
            rows.AddRange(found.SelectMany(g => g.Select(l => (g.Key, l))));
        }
        return rows.ToLookup(r => r.Owner, r => r.Language);
    }

    private sealed record ContactRow
    {
        public Guid Id { get; init; }
        public Guid Owner { get; init; }
        public string? Name { get; init; }
        public string? Title { get; init; }
        public string? Department { get; init; }
        public string? Email { get; init; }
    }

    private sealed record PhoneRow
    {
        public Guid Id { get; init; }
        public Guid? Owner { get; init; }
        public Guid? ContactId { get; init; }
        public string Number { get; init; } = "";
        public int? Extension { get; init; }
        public string? Type { get; init; }
        public string? Description { get; init; }
    }

    private sealed record ScheduleRow
    {
        public Guid Owner { get; init; }
        public string Freq { get; init; } = "";
        public string? Byday { get; init; }
        public string? OpensAt { get; init; }
        public string? ClosesAt { get; init; }
        public DateOnly? ValidFrom { get; init; }
        public DateOnly? ValidTo { get; init; }
        public DateOnly? Dtstart { get; init; }
        public DateOnly? Until { get; init; }
        public int? OccurrenceCount { get; init; }
        public string? Wkst { get; init; }
        public int? RecurrenceInterval { get; init; }
        public string? Byweekno { get; init; }
        public string? Bymonthday { get; init; }
        public string? Byyearday { get; init; }
        public double? Timezone { get; init; }
        public string? Description { get; init; }
        public string? ScheduleLink { get; init; }
        public string? AttendingType { get; init; }
        public string? Notes { get; init; }
    }

    private sealed record ClosureRow
    {
        public Guid Owner { get; init; }
        public string Kind { get; init; } = "";
        public DateOnly StartsOn { get; init; }
        public DateOnly EndsOn { get; init; }
        public string? Reason { get; init; }
    }

    /// <summary>The parts of many owners, with one query per table.</summary>
    public static async Task<IReadOnlyDictionary<Guid, InventoryPartSet>> LoadAsync(DbConnection connection, DbTransaction? tx,
        ISqlDialect dialect, PartOwner owner, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var result = new Dictionary<Guid, InventoryPartSet>();
        if (ids.Count == 0) return result;
        if (ids.Count > MaxOwners)
        {
            // Some owners at a time, so that the id lists (with up to 20 contacts an owner) stay far below SQL Server's 2,100 parameters.
            foreach (var chunk in ids.Chunk(MaxOwners))
                foreach (var (id, set) in await LoadAsync(connection, tx, dialect, owner, chunk, ct)) result[id] = set;
            return result;
        }
        var col = Column(owner);
        var p = new { ids = ids.ToList() };
        var contacts = (await connection.QueryAsync<ContactRow>(new CommandDefinition(
            $"SELECT id, {col} AS owner, name, title, department, email FROM inventory_contacts WHERE {dialect.In(col, "@ids")} " +
            $"ORDER BY {col}, sort_order", p, tx, cancellationToken: ct))).ToList();
        var contactIds = contacts.Select(c => c.Id).ToList();
        var phones = (await connection.QueryAsync<PhoneRow>(new CommandDefinition($"""
            SELECT id, {col} AS owner, contact_id, number, extension, type, description FROM inventory_phones
            WHERE {dialect.In(col, "@ids")} OR {dialect.In("contact_id", "@contactIds")} ORDER BY sort_order
            """, new { ids = ids.ToList(), contactIds }, tx, cancellationToken: ct))).ToList();
        var phoneLanguages = await LoadLanguagesAsync(connection, tx, dialect, "inventory_phone_languages", "phone_id",
            phones.Select(ph => ph.Id).ToList(), ct);
        PhoneEntry Phone(PhoneRow r) => new()
        {
            Number = r.Number, Extension = r.Extension, Type = r.Type, Description = r.Description,
            Languages = phoneLanguages[r.Id].ToList(),
        };
        var phonesByContact = phones.Where(ph => ph.ContactId is not null).ToLookup(ph => ph.ContactId!.Value);
        var phonesByOwner = phones.Where(ph => ph.Owner is not null).ToLookup(ph => ph.Owner!.Value);
        var contactsByOwner = contacts.ToLookup(c => c.Owner);
        var schedules = (await connection.QueryAsync<ScheduleRow>(new CommandDefinition($"""
            SELECT {col} AS owner, freq, byday, opens_at, closes_at, valid_from, valid_to, dtstart, until, occurrence_count, wkst,
                recurrence_interval, byweekno, bymonthday, byyearday, timezone, description, schedule_link, attending_type, notes
            FROM schedules WHERE {dialect.In(col, "@ids")} ORDER BY {col}, sort_order
            """, p, tx, cancellationToken: ct))).ToLookup(s => s.Owner);
        var closures = (await connection.QueryAsync<ClosureRow>(new CommandDefinition(
            $"SELECT {col} AS owner, kind, starts_on, ends_on, reason FROM schedule_closures WHERE {dialect.In(col, "@ids")} " +
            $"ORDER BY {col}, sort_order", p, tx, cancellationToken: ct))).ToLookup(c => c.Owner);
        foreach (var id in ids)
        {
            result[id] = new InventoryPartSet(
                contactsByOwner[id].Select(c => new ContactEntry
                {
                    Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email,
                    Phones = phonesByContact[c.Id].Select(Phone).ToList(),
                }).ToList(),
                phonesByOwner[id].Select(Phone).ToList(),
                schedules[id].Select(s => new OpeningHoursRule
                {
                    Frequency = s.Freq == "MONTHLY" ? ScheduleFrequency.Monthly : ScheduleFrequency.Weekly,
                    Days = InventoryRules.ParseDays(s.Byday), OpensAt = s.OpensAt, ClosesAt = s.ClosesAt, ValidFrom = s.ValidFrom,
                    ValidTo = s.ValidTo, Description = s.Description, Notes = s.Notes, Dtstart = s.Dtstart, Until = s.Until,
                    Count = s.OccurrenceCount, Interval = s.RecurrenceInterval,
                    WeekStart = InventoryRules.ParseDays(s.Wkst) is [var w] ? w : null, ByWeekNo = s.Byweekno, ByMonthDay = s.Bymonthday,
                    ByYearDay = s.Byyearday, Timezone = s.Timezone, ScheduleLink = s.ScheduleLink, AttendingType = s.AttendingType,
                }).ToList(),
                closures[id].Select(c => new ClosureEntry
                {
                    Kind = Enum.Parse<ClosureKind>(c.Kind), StartsOn = c.StartsOn, EndsOn = c.EndsOn, Reason = c.Reason,
                }).ToList());
        }
        return result;
    }
}
