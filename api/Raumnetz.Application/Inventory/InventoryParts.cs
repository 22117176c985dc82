using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Inventory;

namespace Raumnetz.Application.Inventory;

/// <summary>A language spoken (HSDS language): an ISO 639 code ("de", "tr", "ar"), optionally a name and a note.</summary>
public sealed record LanguageEntry
{
    /// <summary>ISO 639-1 (two letters) or ISO 639-2/3 (three letters), lower case.</summary>
    public string Code { get; init; } = "";
    public string? Name { get; init; }
    public string? Note { get; init; }
}

/// <summary>A postal or visiting address (HSDS address).</summary>
public sealed record AddressEntry
{
    public AddressType Type { get; init; }
    /// <summary>For the attention of (a person or department).</summary>
    public string? Attention { get; init; }
    /// <summary>Street and number.</summary>
    public string Address1 { get; init; } = "";
    public string? Address2 { get; init; }
    public string City { get; init; } = "";
    public string? Region { get; init; }
    public string? StateProvince { get; init; }
    public string PostalCode { get; init; } = "";
    /// <summary>ISO 3166-1 alpha-2 country code; DE when not given.</summary>
    public string? Country { get; init; }
}

/// <summary>A phone number (HSDS phone) with the languages it is answered in.</summary>
public sealed record PhoneEntry
{
    public string Number { get; init; } = "";
    public int? Extension { get; init; }
    /// <summary>HSDS phone type: text, voice, fax, cell, video, pager or textphone.</summary>
    public string? Type { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<LanguageEntry>? Languages { get; init; }
}

/// <summary>A contact person or office (HSDS contact) with its phones. Persons in demo data stay fictitious.</summary>
public sealed record ContactEntry
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<PhoneEntry>? Phones { get; init; }
}

/// <summary>Weekly (or monthly) rules of an HSDS schedule.</summary>
public enum ScheduleFrequency
{
    Weekly = 1,
    Monthly = 2,
}

/// <summary>
/// One opening-hours rule (HSDS schedule): on these days from opensAt to closesAt (HH:mm; 24:00 closes at midnight),
/// between validFrom and validTo when given. Several rules for the same day give several intervals (09:00-12:00 and
/// 14:00-18:00). The further RFC 5545 fields of HSDS (dtstart, until, count, interval, byWeekNo, byMonthDay, byYearDay,
/// weekStart, timezone) are kept as given for the exchange.
/// </summary>
public sealed record OpeningHoursRule
{
    /// <summary>weekly (default) or monthly.</summary>
    public ScheduleFrequency? Frequency { get; init; }
    /// <summary>The weekdays the rule applies to; required for weekly rules.</summary>
    public IReadOnlyList<Weekday>? Days { get; init; }
    public string? OpensAt { get; init; }
    /// <summary>Must lie after opensAt.</summary>
    public string? ClosesAt { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public string? Description { get; init; }
    public string? Notes { get; init; }
    public DateOnly? Dtstart { get; init; }
    public DateOnly? Until { get; init; }
    public int? Count { get; init; }
    public int? Interval { get; init; }
    public Weekday? WeekStart { get; init; }
    /// <summary>RFC 5545 BYWEEKNO list, for example "41,42".</summary>
    public string? ByWeekNo { get; init; }
    /// <summary>RFC 5545 BYMONTHDAY list, for example "1,15" or "-1".</summary>
    public string? ByMonthDay { get; init; }
    /// <summary>RFC 5545 BYYEARDAY list.</summary>
    public string? ByYearDay { get; init; }
    /// <summary>HSDS timezone: offset from UTC in hours.</summary>
    public double? Timezone { get; init; }
    public string? ScheduleLink { get; init; }
    /// <summary>How to attend (in person, online, ...).</summary>
    public string? AttendingType { get; init; }
}

/// <summary>A closure: a public holiday or other days the place is closed, from startsOn to endsOn (inclusive; one day when endsOn
/// is null).</summary>
public sealed record ClosureEntry
{
    public ClosureKind Kind { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    /// <summary>The holiday's name or the reason ("Weihnachten", "Betriebsferien").</summary>
    public string? Reason { get; init; }
}

/// <summary>Size limits of the inventory (part of the contract).</summary>
public static class InventoryLimits
{
    public const int Description = 4000;
    public const int Text = 2000;
    public const int ShortText = 1000;
    public const int Languages = 50;
    public const int Addresses = 5;
    public const int Contacts = 20;
    public const int Phones = 20;
    public const int OpeningHours = 100;
    public const int Closures = 200;
    public const int Codes = 50;
    public const int Locations = 200;
    public const int Entries = 50;
    public const int Extent = 1_000_000;
    public const int ExternalId = 200;
    public const int MaxAge = 150;
    public const int MaxVerificationMonths = 120;
    public const double MaxCapacity = 1_000_000_000;
}

public sealed class LanguageEntryValidator : AbstractValidator<LanguageEntry>
{
    public LanguageEntryValidator()
    {
        RuleFor(x => x.Code).Must(InventoryRules.IsLanguageCode)
            .WithMessage("'code' must be an ISO 639 language code such as de, tr or ara (lower case).");
        RuleFor(x => x.Name).MaximumLength(100);
        RuleFor(x => x.Note).MaximumLength(InventoryLimits.ShortText);
    }
}

public sealed class AddressEntryValidator : AbstractValidator<AddressEntry>
{
    public AddressEntryValidator()
    {
        RuleFor(x => x.Type).DefinedEnum();
        RuleFor(x => x.Attention).MaximumLength(Limits.Name);
        RuleFor(x => x.Address1).RequiredText(Limits.Street);
        RuleFor(x => x.Address2).MaximumLength(Limits.Street);
        RuleFor(x => x.City).RequiredText(Limits.City);
        RuleFor(x => x.Region).MaximumLength(Limits.Name);
        RuleFor(x => x.StateProvince).MaximumLength(Limits.Name);
        RuleFor(x => x.PostalCode).RequiredText(Limits.PostalCode);
        RuleFor(x => x.Country).Matches("^[A-Z]{2}$").WithMessage("'country' must be an ISO 3166-1 code of two capital letters (DE).");
    }
}

public sealed class PhoneEntryValidator : AbstractValidator<PhoneEntry>
{
    private static readonly string[] Types = ["text", "voice", "fax", "cell", "video", "pager", "textphone"];

    public PhoneEntryValidator()
    {
        RuleFor(x => x.Number).RequiredText(Limits.Phone);
        RuleFor(x => x.Extension).InclusiveBetween(0, 999_999);
        RuleFor(x => x.Type).Must(t => t is null || Types.Contains(t))
            .WithMessage($"'type' must be one of: {string.Join(", ", Types)}.");
        RuleFor(x => x.Description).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.Languages).MaxItems(InventoryLimits.Languages).Must(InventoryParts.DistinctCodes)
            .WithMessage("A language may appear once.");
        RuleForEach(x => x.Languages).SetValidator(new LanguageEntryValidator());
    }
}

public sealed class ContactEntryValidator : AbstractValidator<ContactEntry>
{
    public ContactEntryValidator()
    {
        RuleFor(x => x.Name).MaximumLength(Limits.Name);
        RuleFor(x => x.Title).MaximumLength(Limits.Name);
        RuleFor(x => x.Department).MaximumLength(Limits.Name);
        RuleFor(x => x.Email).MaximumLength(Limits.Email).Matches(InventoryParts.EmailPattern)
            .WithMessage("'email' must be an e-mail address such as name@example.org.");
        RuleFor(x => x.Phones).MaxItems(InventoryLimits.Phones);
        RuleForEach(x => x.Phones).SetValidator(new PhoneEntryValidator());
    }
}

public sealed class OpeningHoursRuleValidator : AbstractValidator<OpeningHoursRule>
{
    private const string RuleList = "^-?[0-9]{1,3}(,-?[0-9]{1,3})*$";

    public OpeningHoursRuleValidator()
    {
        RuleFor(x => x.Frequency).DefinedEnum();
        RuleFor(x => x.Days).MaxItems(7);
        RuleForEach(x => x.Days).DefinedEnum();
        RuleFor(x => x.Days).Must(d => d is { Count: > 0 }).When(x => (x.Frequency ?? ScheduleFrequency.Weekly) == ScheduleFrequency.Weekly)
            .WithMessage("A weekly rule needs at least one day in 'days'.");
        RuleFor(x => x.OpensAt).Must(t => t is null || InventoryRules.TryParseTime(t, false, out _))
            .WithMessage("'opensAt' must be a time HH:mm (00:00 to 23:59).");
        RuleFor(x => x.ClosesAt).Must(t => t is null || InventoryRules.TryParseTime(t, true, out _))
            .WithMessage("'closesAt' must be a time HH:mm (00:01 to 24:00).");
        RuleFor(x => x.ClosesAt).NotEmpty().When(x => x.OpensAt is not null).WithMessage("'closesAt' is required with 'opensAt'.");
        RuleFor(x => x.OpensAt).NotEmpty().When(x => x.ClosesAt is not null).WithMessage("'opensAt' is required with 'closesAt'.");
        RuleFor(x => x.ClosesAt).Must((x, c) => InventoryRules.EndsAfterStart(x.OpensAt, c))
            .WithMessage("The interval ends before it starts: 'closesAt' must lie after 'opensAt'.");
        RuleFor(x => x.ValidTo).GreaterThanOrEqualTo(x => x.ValidFrom).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage("'validTo' must not lie before 'validFrom'.");
        RuleFor(x => x.Until).GreaterThanOrEqualTo(x => x.Dtstart).When(x => x.Dtstart is not null && x.Until is not null)
            .WithMessage("'until' must not lie before 'dtstart'.");
        RuleFor(x => x.Count).InclusiveBetween(1, 10_000);
        RuleFor(x => x.Interval).InclusiveBetween(1, 100);
        RuleFor(x => x.WeekStart).DefinedEnum();
        RuleFor(x => x.ByWeekNo).MaximumLength(200).Matches(RuleList).WithMessage("'byWeekNo' must be a comma-separated list of numbers.");
        RuleFor(x => x.ByMonthDay).MaximumLength(200).Matches(RuleList)
            .WithMessage("'byMonthDay' must be a comma-separated list of numbers.");
        RuleFor(x => x.ByYearDay).MaximumLength(500).Matches(RuleList).WithMessage(
            "'byYearDay' must be a comma-separated list of numbers.");
        RuleFor(x => x.Timezone).InclusiveBetween(-14, 14);
        RuleFor(x => x.Description).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.Notes).MaximumLength(InventoryLimits.Text);
        RuleFor(x => x.ScheduleLink).OptionalUrl();
        RuleFor(x => x.AttendingType).MaximumLength(InventoryLimits.ShortText);
    }
}

public sealed class ClosureEntryValidator : AbstractValidator<ClosureEntry>
{
    public ClosureEntryValidator()
    {
        RuleFor(x => x.Kind).DefinedEnum();
        RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.EndsOn is not null)
            .WithMessage("The closure ends before it starts: 'endsOn' must not lie before 'startsOn'.");
        RuleFor(x => x.Reason).MaximumLength(500);
    }
}

/// <summary>The contacts, phones, languages, opening hours and closures a location, a service or a service at a location has.</summary>
public interface IHasInventoryParts
{
    IReadOnlyList<ContactEntry>? Contacts { get; }
    IReadOnlyList<PhoneEntry>? Phones { get; }
    IReadOnlyList<OpeningHoursRule>? OpeningHours { get; }
    IReadOnlyList<ClosureEntry>? Closures { get; }
}

public static class InventoryParts
{
    public const string EmailPattern = @"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$";

    public static bool DistinctCodes(IReadOnlyCollection<LanguageEntry>? languages) =>
        languages is null || languages.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() == languages.Count;

    /// <summary>The rules for the parts every owner has, added to the owner's validator.</summary>
    public static void AddPartRules<T>(AbstractValidator<T> validator) where T : IHasInventoryParts
    {
        validator.RuleFor(x => x.Contacts).MaxItems(InventoryLimits.Contacts);
        validator.RuleForEach(x => x.Contacts).SetValidator(new ContactEntryValidator());
        validator.RuleFor(x => x.Phones).MaxItems(InventoryLimits.Phones);
        validator.RuleForEach(x => x.Phones).SetValidator(new PhoneEntryValidator());
        validator.RuleFor(x => x.OpeningHours).MaxItems(InventoryLimits.OpeningHours);
        validator.RuleForEach(x => x.OpeningHours).SetValidator(new OpeningHoursRuleValidator());
        validator.RuleFor(x => x.Closures).MaxItems(InventoryLimits.Closures);
        validator.RuleForEach(x => x.Closures).SetValidator(new ClosureEntryValidator());
    }

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
