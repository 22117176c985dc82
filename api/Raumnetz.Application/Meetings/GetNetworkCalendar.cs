using System.Security.Cryptography;
using System.Text;
using Dapper;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;

namespace Raumnetz.Application.Meetings;

/// <summary>
/// Every meeting of a network as an iCalendar feed. Signed-in users and API keys may read it; calendar programs,
/// which cannot send cookies, present the network's feed token instead (<see cref="Token"/>). Returns null when
/// neither applies, so the endpoint answers 401 without telling whether the network exists.
/// </summary>
public sealed record GetNetworkCalendarQuery(Guid NetworkId, string? Token, bool SignedIn) : IRequest<CalendarFile?>;

public sealed class GetNetworkCalendarHandler(IDbConnectionFactory db) : IRequestHandler<GetNetworkCalendarQuery, CalendarFile?>
{
    /// <summary>The feed holds at most this many meetings (the latest).</summary>
    public const int MaxEvents = 1000;

    public async Task<CalendarFile?> Handle(GetNetworkCalendarQuery request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (!request.SignedIn)
        {
            if (string.IsNullOrEmpty(request.Token) || request.Token.Length > 100) return null;
            var stored = await connection.QuerySingleOrDefaultAsync<string>(
                "SELECT token FROM network_calendar_tokens WHERE network_id = @NetworkId", new { request.NetworkId });
            if (stored is null
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored),
                    Encoding.UTF8.GetBytes(request.Token))) return null;
        }
        var name = await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM networks WHERE id = @NetworkId",
            new { request.NetworkId })
            ?? throw new NotFoundException("Network", request.NetworkId);
        var rows = (await connection.QueryAsync<CalendarMeetingRow>(
            $"{CalendarMeetingRow.Select} WHERE m.network_id = @NetworkId ORDER BY m.starts_at DESC, m.id DESC {db.Dialect.Limit("@take")}",
            new { request.NetworkId, take = MaxEvents })).Reverse().ToList();
        return new CalendarFile($"network-{request.NetworkId}.ics", ICalendarWriter.Write(name, rows.Select(r => r.ToEvent())));
    }
}
