using System.Data.Common;
using Dapper;
using FluentValidation;
using Raumnetz.Application.Common;
using Raumnetz.Application.Networks;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Application.Meetings;

/// <summary>The editable fields of a meeting, shared by create and update.</summary>
public abstract record MeetingFields
{
    public string? Title { get; init; }
    /// <summary>Start (ISO 8601 with offset; stored and returned in UTC).</summary>
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>End; must lie after the start.</summary>
    public DateTimeOffset EndsAt { get; init; }
    public string? Location { get; init; }
    public string? Agenda { get; init; }
    /// <summary>Minutes (Protokoll) in Markdown.</summary>
    public string? Minutes { get; init; }
    public IReadOnlyCollection<string>? Decisions { get; init; }
    /// <summary>Attendance per member of the network (membership ids from GET /networks/{id}/members).</summary>
    public IReadOnlyCollection<MeetingAttendanceInput>? Attendance { get; init; }
    public bool Cancelled { get; init; }
}

public sealed record MeetingAttendanceInput
{
    /// <summary>A membership of the meeting's network.</summary>
    public Guid MemberId { get; init; }
    public Attendance Attendance { get; init; }
}

public sealed class MeetingAttendanceInputValidator : AbstractValidator<MeetingAttendanceInput>
{
    public MeetingAttendanceInputValidator()
    {
        RuleFor(x => x.MemberId).NotEmpty();
        RuleFor(x => x.Attendance).DefinedEnum();
    }
}

public abstract class MeetingFieldsValidator<T> : AbstractValidator<T> where T : MeetingFields
{
    protected MeetingFieldsValidator()
    {
        RuleFor(x => x.Title).MaximumLength(Limits.Name);
        RuleFor(x => x.StartsAt).NotEmpty();
        RuleFor(x => x.EndsAt).NotEmpty();
        RuleFor(x => x.EndsAt).GreaterThan(x => x.StartsAt).When(x => x.StartsAt != default && x.EndsAt != default)
            .WithMessage(_ => Text.Format(Messages.Rule_After, "endsAt", "startsAt"));
        RuleFor(x => x.Location).MaximumLength(NetworkLimits.Location);
        RuleFor(x => x.Agenda).MaximumLength(NetworkLimits.Agenda);
        RuleFor(x => x.Minutes).MaximumLength(NetworkLimits.Minutes);
        RuleFor(x => x.Decisions).MaxItems(NetworkLimits.Decisions);
        RuleForEach(x => x.Decisions).NotEmpty().MaximumLength(NetworkLimits.Decision);
        RuleFor(x => x.Attendance).MaxItems(NetworkLimits.Attendance);
        RuleForEach(x => x.Attendance).SetValidator(new MeetingAttendanceInputValidator());
        RuleFor(x => x.Attendance).Must(a => a!.DistinctBy(i => i.MemberId).Count() == a!.Count).When(x => x.Attendance is not null)
            .WithMessage(_ => Messages.Rule_AttendanceOnce);
    }
}

internal static class MeetingChecks
{
    /// <summary>Every attendance names a membership of this network (400 naming the entry otherwise).</summary>
    public static async Task CheckAttendanceAsync(DbConnection connection, DbTransaction tx, Guid networkId, MeetingFields f)
    {
        var entries = f.Attendance?.ToList() ?? [];
        if (entries.Count == 0) return;
        var members = (await connection.QueryAsync<Guid>("SELECT id FROM network_members WHERE network_id = @networkId", new { networkId },
                tx)).ToHashSet();
        for (var i = 0; i < entries.Count; i++)
            if (!members.Contains(entries[i].MemberId))
                throw new InvalidFieldException($"attendance[{i}].memberId", Text.Format(Messages.Field_NotAMember, entries[i].MemberId));
    }

    /// <summary>Replaces decisions and attendance (null leaves them unchanged on update).</summary>
    public static async Task ReplacePartsAsync(DbConnection connection, DbTransaction tx, Guid id, MeetingFields f, bool creating)
    {
        if (creating || f.Decisions is not null)
        {
            await connection.ExecuteAsync("DELETE FROM meeting_decisions WHERE meeting_id = @id", new { id }, tx);
            var order = 0;
            foreach (var decision in f.Decisions ?? [])
                await connection.ExecuteAsync(
                    "INSERT INTO meeting_decisions (meeting_id, sort_order, decision) VALUES (@id, @order, @decision)",
                    new { id, order = ++order, decision = decision.Trim() }, tx);
        }
        if (creating || f.Attendance is not null)
        {
            await connection.ExecuteAsync("DELETE FROM meeting_attendance WHERE meeting_id = @id", new { id }, tx);
            foreach (var a in f.Attendance ?? [])
                await connection.ExecuteAsync(
                    "INSERT INTO meeting_attendance (meeting_id, member_id, attendance) VALUES (@id, @MemberId, @attendance)",
                    new { id, a.MemberId, attendance = a.Attendance.ToString() }, tx);
        }
    }
}
