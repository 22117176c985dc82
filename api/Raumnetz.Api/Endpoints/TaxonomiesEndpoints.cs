using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Application.Taxonomies;

namespace Raumnetz.Api.Endpoints;

/// <summary>Taxonomies of service categories and target groups (HSDS taxonomy and taxonomy_term), editable by writers.</summary>
public static class TaxonomiesEndpoints
{
    public static void MapTaxonomiesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/taxonomies").WithTags("Taxonomies").RequireAuthorization(Policies.Read);
        group.MapGet("/", ListTaxonomies).WithName(nameof(ListTaxonomies))
            .WithSummary(
                "All taxonomies (the German defaults for social infrastructure and target groups, and any added), by kind and code.");
        group.MapGet("/{id}", GetTaxonomy).WithName(nameof(GetTaxonomy))
            .WithSummary("One taxonomy; returns its ETag.").Errors(400, 404);
        group.MapPost("/", CreateTaxonomy).WithName(nameof(CreateTaxonomy)).RequireAuthorization(Policies.Write)
            .WithSummary("Add a taxonomy of service categories or target groups (409 when the code exists).").Errors(400, 409,
                413).Idempotent();
        group.MapGet("/{id}/terms", ListTaxonomyTerms).WithName(nameof(ListTaxonomyTerms))
            .WithSummary("The terms of a taxonomy, each followed by its narrower terms (the whole list, not paged).").Errors(400, 404);
        group.MapGet("/{id}/terms/{termId}", GetTaxonomyTerm).WithName(nameof(GetTaxonomyTerm))
            .WithSummary("One term; returns its ETag.").Errors(400, 404);
        group.MapPost("/{id}/terms", CreateTaxonomyTerm).WithName(nameof(CreateTaxonomyTerm)).RequireAuthorization(Policies.Write)
            .WithSummary("Add a term (409 when its code exists in any taxonomy).").Errors(400, 404, 409, 413).Idempotent();
        group.MapPut("/{id}/terms/{termId}", UpdateTaxonomyTerm).WithName(nameof(UpdateTaxonomyTerm)).RequireAuthorization(Policies.Write)
            .WithSummary("Replace a term's fields, or archive it with archived=true (If-Match with its ETag).").Errors(400, 404, 409, 412,
                413);
    }

    public static async Task<Ok<IReadOnlyList<TaxonomyDto>>> ListTaxonomies(IMediator mediator, CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListTaxonomiesQuery(), ct));

    public static async Task<Ok<TaxonomyDto>> GetTaxonomy(Guid id, IMediator mediator, HttpContext context)
    {
        var taxonomy = await mediator.Send(new GetTaxonomyQuery(id), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(taxonomy, taxonomy.Version));
    }

    public static async Task<Created<TaxonomyDto>> CreateTaxonomy(CreateTaxonomyCommand request, IMediator mediator, HttpContext context)
    {
        var taxonomy = await mediator.Send(request, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/taxonomies/{taxonomy.Id}", taxonomy, taxonomy.Version);
    }

    /// <param name="id">The taxonomy.</param>
    /// <param name="q">Text contained in the code or in the German or English name.</param>
    /// <param name="includeArchived">Include archived terms (default false).</param>
    public static async Task<Ok<IReadOnlyList<TaxonomyTermDto>>> ListTaxonomyTerms(Guid id, string? q, bool? includeArchived,
        IMediator mediator,
        CancellationToken ct)
        => TypedResults.Ok(await mediator.Send(new ListTaxonomyTermsQuery(id, q, includeArchived ?? false), ct));

    public static async Task<Ok<TaxonomyTermDto>> GetTaxonomyTerm(Guid id, Guid termId, IMediator mediator, HttpContext context)
    {
        var term = await mediator.Send(new GetTaxonomyTermQuery(id, termId), context.RequestAborted);
        return TypedResults.Ok(context.WithETag(term, term.Version));
    }

    public static async Task<Created<TaxonomyTermDto>> CreateTaxonomyTerm(Guid id, CreateTaxonomyTermRequest body, IMediator mediator,
        HttpContext context)
    {
        var term = await mediator.Send(new CreateTaxonomyTermCommand(body) { TaxonomyId = id }, context.RequestAborted);
        return EndpointConventions.CreatedAt(context, $"/api/v1/taxonomies/{id}/terms/{term.Id}", term, term.Version);
    }

    public static async Task<Ok<TaxonomyTermDto>> UpdateTaxonomyTerm(Guid id, Guid termId, UpdateTaxonomyTermRequest body,
        IMediator mediator,
        HttpContext context)
    {
        var term = await mediator.Send(new UpdateTaxonomyTermCommand(body)
        {
            TaxonomyId = id, Id = termId, ExpectedVersion = ETags.IfMatch(context.Request),
        }, context.RequestAborted);
        return TypedResults.Ok(context.WithETag(term, term.Version));
    }
}

// Request bodies: the endpoints above turn them into commands with what the route and headers carry (IBodyOf).
// No XML comments here: they would become descriptions in the OpenAPI document.
public sealed record CreateTaxonomyTermRequest : TaxonomyTermFields, IBodyOf<CreateTaxonomyTermCommand>;

public sealed record UpdateTaxonomyTermRequest : UpdateTaxonomyTermFields, IBodyOf<UpdateTaxonomyTermCommand>;
