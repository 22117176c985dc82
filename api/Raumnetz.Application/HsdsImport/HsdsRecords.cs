using System.Globalization;
using System.Text.Json.Nodes;
using Raumnetz.Application.Hsds;
using Raumnetz.Application.Inventory;
using Raumnetz.Application.Locations;
using Raumnetz.Application.Services;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.HsdsImport;

/// <summary>
/// Turns HSDS rows into the inventory's fields (HSDS names to Raumnetz names), reporting each value it cannot read by record
/// and field ("services[ac14…].status"). The inverse of <see cref="HsdsMapping"/>: what the export writes into the Raumnetz
/// profile is read back from the same properties.
/// </summary>
internal sealed class HsdsRecords(HsdsTables tables, Action<HsdsRow, string, string, string> bad)
{
    public HsdsTables Tables => tables;

    public static Guid IdOf(string table, string id) =>
        Guid.TryParse(id, CultureInfo.InvariantCulture, out var guid) ? guid : HsdsJson.PartId(Guid.Empty, $"{table}/{id}", 0);

    public IEnumerable<HsdsRow> ChildrenOf(string table, string key, string? id) =>
        id is null ? [] : tables.Rows(table).Where(r => r.Str(key) == id);

    public double? Number(HsdsRow row, string field)
    {
        var text = row.Str(field);
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)) return n;
        bad(row, field, "notANumber", Text.Format(Messages.HsdsImport_NotANumber, text));
        return null;
    }

    /// <summary>A money amount or percentage: a number up to 10^15 (larger ones are refused, not overflowed).</summary>
    public decimal? Decimal(HsdsRow row, string field)
    {
        var n = Number(row, field);
        if (n is null) return null;
        if (Math.Abs(n.Value) < 1e15) return (decimal)n.Value;
        bad(row, field, "notANumber", Text.Format(Messages.HsdsImport_NotANumber, row.Str(field)));
        return null;
    }

    public int? Integer(HsdsRow row, string field)
    {
        var n = Number(row, field);
        if (n is null) return null;
        if (n == Math.Floor(n.Value) && Math.Abs(n.Value) < int.MaxValue) return (int)n.Value;
        bad(row, field, "notANumber", Text.Format(Messages.HsdsImport_NotANumber, row.Str(field)));
        return null;
    }

    public bool? Flag(HsdsRow row, string field) => row.Str(field) switch
    {
        null => null,
        "true" or "TRUE" or "True" or "1" => true,
        "false" or "FALSE" or "False" or "0" => false,
        var other => Bad<bool?>(row, field, "notABoolean", Text.Format(Messages.HsdsImport_NotABoolean, other)),
    };

    public DateOnly? Date(HsdsRow row, string field)
    {
        var text = row.Str(field);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Length > 10 && text[10] == 'T' ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var day)) return day;
        return Bad<DateOnly?>(row, field, "notADate", Text.Format(Messages.HsdsImport_NotADate, text));
    }

    public static Guid? Reference(HsdsRow row, string field, string table)
    {
        var id = row.Str(field);
        return id is null ? null : IdOf(table, id);
    }

    private T? Bad<T>(HsdsRow row, string field, string code, string message)
    {
        bad(row, field, code, message);
        return default;
    }

    public static ServiceStatus? Status(string? text) => text?.ToLowerInvariant() switch
    {
        "active" => ServiceStatus.Active,
        "inactive" => ServiceStatus.Inactive,
        "defunct" => ServiceStatus.Defunct,
        "temporarily closed" or "temporarily_closed" or "temporarilyclosed" => ServiceStatus.TemporarilyClosed,
        _ => null,
    };

    private static readonly Dictionary<string, Weekday> Days = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MO"] = Weekday.Monday, ["TU"] = Weekday.Tuesday, ["WE"] = Weekday.Wednesday, ["TH"] = Weekday.Thursday,
        ["FR"] = Weekday.Friday, ["SA"] = Weekday.Saturday, ["SU"] = Weekday.Sunday,
    };

    private Weekday? Day(HsdsRow row, string field, string? text)
    {
        if (text is null) return null;
        var code = text.Trim();
        // RFC 5545 allows a position before the day (1MO, -1FR); the inventory keeps the day.
        code = code.TrimStart('+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (Days.TryGetValue(code, out var day)) return day;
        return Bad<Weekday?>(row, field, "notADay", Text.Format(Messages.HsdsImport_NotADay, text));
    }

    private static string? Time(string? text) =>
        text is { Length: 8 } && text[2] == ':' && text[5] == ':' && text.EndsWith(":00", StringComparison.Ordinal) ? text[..5] : text;

    public List<LanguageEntry> Languages(string key, string? id) =>
        ChildrenOf("languages", key, id).Select(l => new LanguageEntry
        {
            Code = (l.Str("code") ?? "").ToLowerInvariant(), Name = l.Str("name"), Note = l.Str("note"),
        }).ToList();

    public List<PhoneEntry> Phones(string key, string? id) =>
        ChildrenOf("phones", key, id).Where(p => key == "contact_id" || p.Str("contact_id") is null).Select(p => new PhoneEntry
        {
            Number = p.Str("number") ?? "", Extension = Integer(p, "extension"), Type = p.Str("type"), Description = p.Str("description"),
            Languages = Languages("phone_id", p.Id),
        }).ToList();

    public List<ContactEntry> Contacts(string key, string? id) =>
        ChildrenOf("contacts", key, id).Select(c => new ContactEntry
        {
            Name = c.Str("name"), Title = c.Str("title"), Department = c.Str("department"), Email = c.Str("email"),
            Phones = Phones("contact_id", c.Id),
        }).ToList();

    public List<OpeningHoursRule> Schedules(string key, string? id) =>
        ChildrenOf("schedules", key, id).Select(s => new OpeningHoursRule
        {
            Frequency = s.Str("freq")?.ToUpperInvariant() switch
            {
                null or "WEEKLY" => ScheduleFrequency.Weekly,
                "MONTHLY" => ScheduleFrequency.Monthly,
                var other => Bad<ScheduleFrequency?>(s, "freq", "notAFrequency", Text.Format(Messages.HsdsImport_NotAFrequency, other)),
            },
            Days = s.Str("byday") is { } byday
                ? byday.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => Day(s, "byday", d)).OfType<Weekday>().ToList()
                : null,
            OpensAt = Time(s.Str("opens_at")), ClosesAt = Time(s.Str("closes_at")),
            ValidFrom = Date(s, "valid_from"), ValidTo = Date(s, "valid_to"), Dtstart = Date(s, "dtstart"), Until = Date(s, "until"),
            Count = Integer(s, "count"), Interval = Integer(s, "interval"), WeekStart = Day(s, "wkst", s.Str("wkst")),
            ByWeekNo = s.Str("byweekno"), ByMonthDay = s.Str("bymonthday"), ByYearDay = s.Str("byyearday"),
            Timezone = Number(s, "timezone"), Description = s.Str("description"), Notes = s.Str("notes"),
            ScheduleLink = s.Str("schedule_link"), AttendingType = s.Str("attending_type"),
        }).ToList();

    public List<ClosureEntry> Closures(string key, string? id) =>
        ChildrenOf("closures", key, id).Select(c => new ClosureEntry
        {
            Kind = c.Str("kind") == "holiday" ? ClosureKind.Holiday : ClosureKind.Closure,
            StartsOn = Date(c, "start_date")
                ?? Bad<DateOnly>(c, "start_date", "required", Text.Format(Messages.Field_Required, "start_date")),
            EndsOn = Date(c, "end_date"), Reason = c.Str("reason"),
        }).ToList();

    /// <summary>The location's fields; coordinates outside WGS 84 are left out and reported by <paramref name="dropped"/>.</summary>
    public CreateLocationCommand Location(HsdsRow l, Action<string> dropped)
    {
        var id = l.Id;
        var latitude = Number(l, "latitude");
        var longitude = Number(l, "longitude");
        if (!InventoryRules.IsLatitude(latitude) || !InventoryRules.IsLongitude(longitude) || (latitude is null) != (longitude is null))
        {
            dropped(Text.Format(Messages.HsdsImport_CoordinatesDropped, latitude, longitude));
            latitude = longitude = null;
        }
        var access = ChildrenOf("accessibility", "location_id", id).FirstOrDefault();
        return new CreateLocationCommand
        {
            Name = l.Str("name") ?? "", AlternateName = l.Str("alternate_name"), Description = l.Str("description"),
            Kind = l.Str("location_type")?.ToLowerInvariant() switch
            {
                "virtual" => LocationKind.Virtual,
                "postal" => LocationKind.Postal,
                null or "physical" => LocationKind.Physical,
                var other => Bad<LocationKind>(l, "location_type", "notAKind", Text.Format(Messages.HsdsImport_NotALocationType, other)),
            },
            Url = l.Str("url"), Transportation = l.Str("transportation"), Latitude = latitude, Longitude = longitude,
            SpaceId = l.Str("space_id") is { } space ? IdOf("space", space) : null,
            OwnerActorId = Reference(l, "organization_id", "organizations"),
            ExternalIdentifier = l.Str("external_identifier"), ExternalIdentifierType = l.Str("external_identifier_type"),
            ExternalId = id,
            Accessibility = access is null ? null : new AccessibilityInfo
            {
                Description = access.Str("description"), Details = access.Str("details"), Url = access.Str("url"),
                StepFreeAccess = Flag(access, "step_free_access"), AccessibleToilet = Flag(access, "accessible_toilet"),
                Lift = Flag(access, "lift"), HearingLoop = Flag(access, "hearing_loop"),
            },
            Addresses = ChildrenOf("addresses", "location_id", id).Select(a => new AddressEntry
            {
                Type = a.Str("address_type")?.ToLowerInvariant() switch
                {
                    "postal" => AddressType.Postal,
                    "virtual" => AddressType.Virtual,
                    null or "physical" => AddressType.Physical,
                    var other => Bad<AddressType>(a, "address_type", "notAKind", Text.Format(Messages.HsdsImport_NotAnAddressType, other)),
                },
                Attention = a.Str("attention"), Address1 = a.Str("address_1") ?? "", Address2 = a.Str("address_2"),
                City = a.Str("city") ?? "", Region = a.Str("region"), StateProvince = a.Str("state_province"),
                PostalCode = a.Str("postal_code") ?? "", Country = a.Str("country")?.ToUpperInvariant(),
            }).ToList(),
            Languages = Languages("location_id", id), Contacts = Contacts("location_id", id), Phones = Phones("location_id", id),
            OpeningHours = Schedules("location_id", id), Closures = Closures("location_id", id),
            ValidFrom = Date(l, "valid_from"), ValidTo = Date(l, "valid_to"),
        };
    }
}
