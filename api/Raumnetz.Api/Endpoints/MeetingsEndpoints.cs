using Raumnetz.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Meetings;

namespace Raumnetz.Api.Endpoints;

/// <summary>Meetings of networks and their calendars (iCalendar, RFC 5545).</summary>
public static class MeetingsEndpoints
{
    public static void MapMeetingsEndpoints(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/api/v1/networks/{id}").WithTags("Meetings").RequireAuthorization(Policies.Read);
        network.MapGet("/meetings", ListNetworkMeetings).WithName(nameof(ListNetworkMeetings)).Sorted(ListNetworkMeetingsQuery.Sorts)
            .WithSummary("Meetings of a network, latest first, with attendance counts; keyset pagination.").Errors(400, 404);
        network.MapPost("/meetings", CreateMeeting).WithName(nameof(CreateMeeting)).RequireAuthorization(Policies.Write)
            .WithSummary("Schedule or record a meeting of a network (it must end after it starts).").Errors(400, 404, 413);
        network.MapGet("/calendar.ics", GetNetworkCalendar).WithName(nameof(GetNetworkCalendar)).AllowAnonymous().WithMetadata(new FeedTokenAuthMetadata())
            .WithSummary("Every meeting of the network as an iCalendar feed (text/calendar) to subscribe to: with ?token= (no sign-in), a session or an API key.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Errors(400, 401, 404);
        network.MapGet("/calendar-token", GetNetworkCalendarToken).WithName(nameof(GetNetworkCalendarToken)).RequireAuthorization(Policies.Write)
            .WithSummary("The network's calendar feed token and subscription URL (created on first request).").Errors(400, 404);
        network.MapDelete("/calendar-token", RevokeNetworkCalendarToken).WithName(nameof(RevokeNetworkCalendarToken)).RequireAuthorization(Policies.Write)
            .WithSummary("Revoke the calendar feed token; subscriptions with it stop working, the next GET issues a new one.").Errors(400, 404);

        var meetings = app.MapGroup("/api/v1/meetings").WithTags("Meetings").RequireAuthorization(Policies.Read);
        meetings.MapGet("/{id}", GetMeeting).WithName(nameof(GetMeeting))
            .WithSummary("One meeting with agenda, attendance, minutes and decisions; returns its ETag.").Errors(400, 404);
        meetings.MapPut("/{id}", UpdateMeeting).WithName(nameof(UpdateMeeting)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of a meeting (If-Match with its ETag): reschedule, record attendance, minutes, decisions, cancel.").Errors(400, 404, 412, 413);
        meetings.MapDelete("/{id}", DeleteMeeting).WithName(nameof(DeleteMeeting)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete a meeting (409 when agreements were made in it: cancel it instead).").Errors(400, 404, 409, 412);
        meetings.MapGet("/{id}/calendar.ics", GetMeetingCalendar).WithName(nameof(GetMeetingCalendar))
            .WithSummary("One meeting as an .ics file (text/calendar) to import into a calendar.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").Errors(400, 404);
    }

    /// <param name="from">Only meetings starting at or after this instant.</param>
    /// <param name="to">Only meetings starting before this instant.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<MeetingSummaryDto>>> ListNetworkMeetings(Guid id, DateTimeOffset? from, DateTimeOffset? to, [AsParameters] ListParameters list, IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListNetworkMeetingsQuery(id, from, to, list.Options), ct));

    public static async Task<Created<MeetingDto>> CreateMeeting(Guid id, CreateMeetingRequest body, IMediator mediator, HttpContext context)
    {
        var meeting = await mediator.Send(new CreateMeetingCommand(body) { NetworkId = id }, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/meetings/{meeting.Id}", meeting, meeting.Version);
    }

    public static async Task<Ok<MeetingDto>> GetMeeting(Guid id, IMediator mediator, HttpContext context)
    {
        var meeting = await mediator.Send(new GetMeetingQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(meeting, meeting.Version));
    }

    public static async Task<Ok<MeetingDto>> UpdateMeeting(Guid id, UpdateMeetingRequest body, IMediator mediator, HttpContext context)
    {
        var meeting = await mediator.Send(new UpdateMeetingCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(meeting, meeting.Version));
    }

    public static async Task<NoContent> DeleteMeeting(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteMeetingCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }

    public static async Task<ContentHttpResult> GetMeetingCalendar(Guid id, IMediator mediator, HttpContext context)
    {
        var file = await mediator.Send(new GetMeetingCalendarQuery(id), context.RequestAborted);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file.FileName}\"";
        return TypedResults.Text(file.Content, ICalendarWriter.ContentType);
    }

    // Anonymous on purpose: calendar programs cannot sign in. The token, a session or an API key grants access.
    /// <param name="token">The network's feed token (GET .../calendar-token); not needed with a session or API key.</param>
    public static async Task<IResult> GetNetworkCalendar(Guid id, string? token, IMediator mediator, ICurrentUser user, HttpContext context)
    {
        var file = await mediator.Send(new GetNetworkCalendarQuery(id, token, user.Role is not null), context.RequestAborted);
        if (file is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Messages.Title_Unauthorized,
                detail: Messages.Detail_CalendarUnauthorized);
        context.Response.Headers.CacheControl = "private, max-age=300";
        context.Response.Headers.ContentDisposition = $"inline; filename=\"{file.FileName}\"";
        return TypedResults.Text(file.Content, ICalendarWriter.ContentType);
    }

    public static async Task<Ok<NetworkCalendarTokenDto>> GetNetworkCalendarToken(Guid id, IMediator mediator, PublicUrls urls, HttpContext context)
    {
        var token = await mediator.Send(new GetNetworkCalendarTokenQuery(id), context.RequestAborted);
        var url = urls.Absolute($"/api/v1/networks/{id}/calendar.ics?token={Uri.EscapeDataString(token.Token)}");
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(token with { Url = url, WebcalUrl = "webcal" + url[url.IndexOf(':', StringComparison.Ordinal)..] });
    }

    public static async Task<NoContent> RevokeNetworkCalendarToken(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeNetworkCalendarTokenCommand(id), ct);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record CreateMeetingRequest : MeetingFields, IBodyOf<CreateMeetingCommand>;

public sealed record UpdateMeetingRequest : MeetingFields, IBodyOf<UpdateMeetingCommand>;
