using System.Text.Json.Nodes;
using MediatR;
using Raumnetz.Api.Http;
using Raumnetz.Api.Security;
using Raumnetz.Api.Startup;
using Raumnetz.Application.Hsds;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Endpoints;

/// <summary>
/// The inventory as Open Referral HSDS 3.0 (read only). Outside the product's document (openapi/raumnetz.v1.json): the routes
/// follow the HSDS API reference and are described by their own document, openapi/hsds/openapi.json, served at
/// /hsds/openapi.json (the HSDS document merged with the profile's patch). Anonymous when Raumnetz:Hsds:Public is true, else
/// with an API key or a session of any role.
/// </summary>
public static class HsdsEndpoints
{
    public const string Version = "3.0";

    public static void MapHsdsEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/hsds").ExcludeFromDescription();
        if (app.Services.GetRequiredService<RaumnetzOptions>().Hsds.Public) group.AllowAnonymous();
        else group.RequireAuthorization(Policies.Read);
        group.MapGet("/", Root);
        group.MapGet("/openapi.json", (HttpContext context) => File("openapi.json", context));
        group.MapGet("/profile", (HttpContext context) => File("profile/README.md", context));
        group.MapGet("/profile/{file}", (string file, HttpContext context) => File("profile/" + file, context));
        group.MapGet("/services", (HttpContext c, IMediator m) =>
            Send(m, c, new ListHsdsServicesQuery(Parameters(c, HsdsParameters.Services))));
        group.MapGet("/services/{id}", (string id, HttpContext c, IMediator m) =>
            Send(m, c, new GetHsdsServiceQuery(Id(id, c))));
        group.MapGet("/service_at_locations", (HttpContext c, IMediator m) =>
            Send(m, c, new ListHsdsServiceAtLocationsQuery(Parameters(c, HsdsParameters.ServiceAtLocations))));
        group.MapGet("/service_at_locations/{id}", (string id, HttpContext c, IMediator m) =>
            Send(m, c, new GetHsdsServiceAtLocationQuery(Id(id, c))));
        group.MapGet("/organizations", (HttpContext c, IMediator m) =>
            Send(m, c, new ListHsdsOrganizationsQuery(Parameters(c, HsdsParameters.Organizations))));
        group.MapGet("/organizations/{id}", (string id, HttpContext c, IMediator m) =>
            Send(m, c, new GetHsdsOrganizationQuery(Id(id, c, HsdsParameters.OrganizationById),
                Parameters(c, HsdsParameters.OrganizationById).FullService)));
        group.MapGet("/taxonomies", (HttpContext c, IMediator m) =>
            Send(m, c, new ListHsdsTaxonomiesQuery(Parameters(c, HsdsParameters.Taxonomies))));
        group.MapGet("/taxonomies/{id}", (string id, HttpContext c, IMediator m) =>
            Send(m, c, new GetHsdsTaxonomyQuery(Id(id, c))));
        group.MapGet("/taxonomy_terms", (HttpContext c, IMediator m) =>
            Send(m, c, new ListHsdsTaxonomyTermsQuery(Parameters(c, HsdsParameters.TaxonomyTerms))));
        group.MapGet("/taxonomy_terms/{id}", (string id, HttpContext c, IMediator m) =>
            Send(m, c, new GetHsdsTaxonomyTermQuery(Id(id, c))));
        // an endpoint HSDS names but Raumnetz does not serve (locations, programs, ...) is 404, not the web app
        app.MapFallback("/hsds/{**path}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Messages.Title_NotFound,
            detail: Messages.Detail_NoSuchRoute)).ExcludeFromDescription();
    }

    /// <summary>GET /hsds/: the HSDS version, the profile's URL and the URL of the document describing this API.</summary>
    private static IResult Root(HttpContext context, PublicUrls urls)
    {
        Parameters(context, "");
        return Results.Json(new JsonObject
        {
            ["version"] = Version, ["profile"] = urls.Absolute("/hsds/profile"), ["openapi_url"] = urls.Absolute("/hsds/openapi.json"),
        });
    }

    private static async Task<IResult> Send(IMediator mediator, HttpContext context, MediatR.IRequest<JsonObject> query) =>
        Results.Json(await mediator.Send(query, context.RequestAborted));

    private static HsdsParameters Parameters(HttpContext context, string allowed) =>
        HsdsParameters.Parse(context.Request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.Select(v => v ?? "").ToArray())),
            allowed);

    private static Guid Id(string id, HttpContext context, string allowed = "")
    {
        Parameters(context, allowed);
        return Guid.TryParseExact(id, "D", out var guid) ? guid
            : throw new InvalidFieldException("id", Text.Format(Messages.Hsds_NotAnId, "id"));
    }

    private static IResult File(string name, HttpContext context)
    {
        Parameters(context, "");
        var stream = typeof(HsdsEndpoints).Assembly.GetManifestResourceStream("hsds/" + name);
        if (stream is null)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: Messages.Title_NotFound,
                detail: Messages.Detail_NoSuchRoute);
        return Results.Stream(stream, name.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown; charset=utf-8" : "application/json");
    }
}
