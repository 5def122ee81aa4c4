using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Error pages in the reader's language: from the failed URL's language segment, else Accept-Language.
/// They are re-executed with the failed request's method, so a POST to a public page (which has no
/// form, and over plain HTTP cannot even carry the Secure antiforgery cookie) must not be checked for an
/// antiforgery token here: that check would throw in turn and turn a 405 into a 500.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true), IgnoreAntiforgeryToken]
public sealed class ErrorController(IStringLocalizer<SharedResource> text) : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // Reached directly (not re-executed): there is no such page.
        if (originalPath is null) code = StatusCodes.Status404NotFound;
        // A locked database or a full disk is not a bug: "try again in a minute", with 503 (StorageProblems).
        if (code == 500 && StorageProblems.Of(HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error) is not null)
        {
            code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }

        var segment = originalPath?.Split('/', 3) is [_, var first, ..] ? first : null;
        var language = SiteLanguage.Find(segment) ?? SiteLanguage.FromAcceptLanguage(Request.Headers.AcceptLanguage);
        // The route had no {lang}, so the request culture has to be chosen here.
        System.Globalization.CultureInfo.CurrentUICulture = language.Culture;

        var key = code switch
        {
            404 => "NotFound", 400 => "BadRequest", 405 => "MethodNotAllowed", 410 => "Gone", 503 => "Unavailable", _ => "ServerError",
        };
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        Response.Headers.CacheControl = "no-store";
        return View("Message", new MessagePage
        {
            Language = language,
            Title = text[$"Error.{key}"],
            Heading = text[$"Error.{key}"],
            Message = text[$"Error.{key}.Text"],
            LanguageLinks = PublicPageExtensions.HomeLinks(language),
        });
    }
}
