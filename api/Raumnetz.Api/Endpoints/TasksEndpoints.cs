using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Common;
using Raumnetz.Application.Tasks;
using Raumnetz.Domain.Networks;

namespace Raumnetz.Api.Endpoints;

/// <summary>Agreements (Verabredungen) made in networks and meetings.</summary>
public static class TasksEndpoints
{
    public static void MapTasksEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListTasks).WithName(nameof(ListTasks)).Sorted(ListTasksQuery.Sorts)
            .WithSummary(
                "List agreements by due date, filtered by network, meeting, responsible actor, status and overdue; keyset pagination.")
                .Errors(400);
        group.MapGet("/{id}", GetTask).WithName(nameof(GetTask))
            .WithSummary("One agreement; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateTask).WithName(nameof(CreateTask)).RequireAuthorization(Policies.Write)
            .WithSummary("Record an agreement made in a network or meeting, with one or more responsible actors.").Errors(400, 413);
        group.MapPut("/{id}", UpdateTask).WithName(nameof(UpdateTask)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace the fields of an agreement (If-Match with its ETag): status, outcome, responsibles, due date.")
                .Errors(400, 404, 412, 413);
        group.MapDelete("/{id}", DeleteTask).WithName(nameof(DeleteTask)).RequireAuthorization(Policies.Write)
            .WithSummary("Delete an agreement recorded by mistake (one given up is set to dropped instead).").Errors(400, 404, 412);
    }

    /// <param name="networkId">Only agreements of this network.</param>
    /// <param name="meetingId">Only agreements made in this meeting.</param>
    /// <param name="responsibleActorId">Only agreements this actor is responsible for.</param>
    /// <param name="status">Only agreements with this status.</param>
    /// <param name="overdue">true: only overdue agreements (past due, neither done nor dropped); false: only the others.</param>
    /// <param name="list">Paging, sort, total and modifiedAfter (shared by every list).</param>
    public static async Task<Ok<Page<TaskDto>>> ListTasks(IMediator mediator, Guid? networkId, Guid? meetingId, Guid? responsibleActorId,
        [EnumQuery(typeof(AgreementStatus))] string? status, bool? overdue, [AsParameters] ListParameters list, CancellationToken ct)
        => TypedResults.Ok(
            await mediator.Send(
                new ListTasksQuery(networkId, meetingId, responsibleActorId, EnumQuery.Parse<AgreementStatus>(status, nameof(status)),
            overdue, list.Options), ct));

    public static async Task<Ok<TaskDto>> GetTask(Guid id, IMediator mediator, HttpContext context)
    {
        var task = await mediator.Send(new GetTaskQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(task, task.Version));
    }

    public static async Task<Created<TaskDto>> CreateTask(CreateTaskCommand request, IMediator mediator, HttpContext context)
    {
        var task = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/tasks/{task.Id}", task, task.Version);
    }

    public static async Task<Ok<TaskDto>> UpdateTask(Guid id, UpdateTaskRequest body, IMediator mediator, HttpContext context)
    {
        var task = await mediator.Send(new UpdateTaskCommand(body) { Id = id, ExpectedVersion = ETags.IfMatch(context.Request) },
            context.RequestAborted);
        return TypedResults.Ok(context.WithETag(task, task.Version));
    }

    public static async Task<NoContent> DeleteTask(Guid id, IMediator mediator, HttpContext context)
    {
        await mediator.Send(new DeleteTaskCommand(id, ETags.IfMatch(context.Request)), context.RequestAborted);
        return TypedResults.NoContent();
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record UpdateTaskRequest : TaskFields, IBodyOf<UpdateTaskCommand>;
