using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>Error pages in the reader's language: from the failed URL's language segment, else Accept-Language.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<SharedResource> text) : Controller
{
    [Route("/error/{code:int}")]
    public IActionResult Show(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        // Reached directly (not re-executed): there is no such page.
        if (originalPath is null) code = StatusCodes.Status404NotFound;

        var segment = originalPath?.Split('/', 3) is [_, var first, ..] ? first : null;
        var language = SiteLanguage.Find(segment) ?? SiteLanguage.FromAcceptLanguage(Request.Headers.AcceptLanguage);
        // The route had no {lang}, so the request culture has to be chosen here.
        System.Globalization.CultureInfo.CurrentUICulture = language.Culture;

        var key = code switch { 404 => "NotFound", 400 => "BadRequest", 410 => "Gone", _ => "ServerError" };
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
