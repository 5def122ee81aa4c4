using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace FactCheck;

public static class PublicPageExtensions
{
    /// <summary>
    /// 400 with a page in the reader's language saying what was wrong, for anything a reader can type
    /// into an address or a form (the input itself is never echoed here).
    /// </summary>
    public static ViewResult BadRequestPage(this Controller controller, SiteLanguage language, string message, IReadOnlyList<LanguageLink>? languageLinks = null)
    {
        var text = controller.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("Message", new MessagePage
        {
            Language = language,
            Title = text["Error.BadRequest"],
            Heading = text["Error.BadRequest"],
            Message = message,
            LanguageLinks = languageLinks ?? HomeLinks(language),
        });
    }

    public static IReadOnlyList<LanguageLink> HomeLinks(SiteLanguage current) =>
        SiteLanguage.All.Where(l => l != current).Select(l => new LanguageLink(l, $"/{l.Code}/", false)).ToList();
}
