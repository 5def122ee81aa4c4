using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
namespace FactCheck;

/// <summary>What the public layout needs from every page's view model.</summary>
public abstract class PublicPage
{
    public required SiteLanguage Language { get; init; }
    /// <summary>The document title, without the site name.</summary>
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>Site-relative canonical path; null for pages that should not be indexed (errors).</summary>
    public string? CanonicalPath { get; init; }
    /// <summary>This page in other languages: translations where they exist, otherwise the language homes.</summary>
    public IReadOnlyList<LanguageLink> LanguageLinks { get; init; } = [];
    /// <summary>A filtered list's own feed, offered for autodiscovery beside the language feeds.</summary>
    public FeedScope? FilteredFeed { get; init; }
    /// <summary>OpenGraph/Twitter card details of article pages; other pages share as "website".</summary>
    public SharingCard? Sharing { get; init; }
    /// <summary>JSON-LD (ClaimReview), serialized with &lt; &gt; &amp; escaped so it cannot end its script element.</summary>
    public string? StructuredData { get; init; }
}

/// <param name="IsTranslation">True when the target is the same story in that language (worth an hreflang alternate).</param>
public sealed record LanguageLink(SiteLanguage Language, string Path, bool IsTranslation);

public sealed class MessagePage : PublicPage
{
    public required string Heading { get; init; }
    public required string Message { get; init; }
}

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
