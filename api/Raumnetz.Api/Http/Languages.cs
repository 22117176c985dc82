using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using Raumnetz.Domain.Common;

namespace Raumnetz.Api.Http;

/// <summary>
/// The language of every text a response carries (problem titles and details, field messages): German or English by
/// <c>Accept-Language</c> (quality values and regional variants such as en-GB count; anything else gets German, the
/// default). Only the UI culture changes: the catalogue (<see cref="Text"/>) reads it, and so does FluentValidation's
/// language manager for its standard messages. The formatting culture stays invariant, so nothing that parses or
/// writes numbers and dates (query parameters, CSV) depends on the caller's language. Responses name their language in
/// <c>Content-Language</c> and say <c>Vary: Accept-Language</c> for caches.
/// </summary>
public static class Languages
{
    public const string Header = "Accept-Language";

    public static IServiceCollection AddRaumnetzLanguages(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var languages = Text.Languages.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, languages[0]);
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = languages;
            o.FallBackToParentUICultures = true;
            // Accept-Language only: no query string or cookie switches the language of a partner system's responses.
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 }];
        });

    /// <summary>Sets the request's language; first in the pipeline, so that every problem written later speaks it.</summary>
    public static IApplicationBuilder UseRaumnetzLanguages(this IApplicationBuilder app)
    {
        app.Use(static (context, next) =>
        {
            // Set when the response starts rather than by the localization middleware: the exception handler clears the
            // headers of a response it replaces with a problem, and the problem is in the request's language too. A static
            // callback with the context as its state: no closure per request (build/bench, pipeline).
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.Name is { Length: > 0 } language)
                    context.Response.Headers.ContentLanguage = language;
                if (!Varies(context.Response.Headers.Vary)) context.Response.Headers.Append(HeaderNames.Vary, Header);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app.UseRequestLocalization();
    }

    /// <summary>Whether the Vary values already name <see cref="Header"/> (as one of their comma-separated names).</summary>
    private static bool Varies(Microsoft.Extensions.Primitives.StringValues vary)
    {
        foreach (var value in vary)
        {
            foreach (var range in value.AsSpan().Split(','))
                if (value.AsSpan()[range].Trim().Equals(Header, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// The framework writes some problems itself (401 and 403 from authorization, status code pages) with English
    /// reason phrases as titles: those get the catalogue's title for their status instead.
    /// </summary>
    public static void LocalizeDefaultTitle(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Status is not { } status) return;
        if (problem.Title is not null && problem.Title != Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)) return;
        problem.Title = status switch
        {
            400 => Messages.Title_BadRequest,
            401 => Messages.Title_Unauthorized,
            403 => Messages.Title_Forbidden,
            404 => Messages.Title_NotFound,
            405 => Messages.Title_MethodNotAllowed,
            409 => Messages.Title_Conflict,
            412 => Messages.Title_PreconditionFailed,
            413 => Messages.Title_BodyTooLarge,
            415 => Messages.Title_UnsupportedMediaType,
            428 => Messages.Title_PreconditionRequired,
            429 => Messages.Title_TooManyRequests,
            500 => Messages.Title_ServerError,
            503 => Messages.Title_DatabaseUnavailable,
            _ => problem.Title,
        };
    }
}
