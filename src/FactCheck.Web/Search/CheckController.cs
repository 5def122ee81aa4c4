using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /{lang}/check: is this number, link or handle in our advisories? A plain GET form, so it works
/// without JavaScript. "Not found" is worded carefully: absence from our records is not a clean bill.
/// </summary>
public sealed class CheckController(AppDbContext db, IStringLocalizer<SharedResource> text) : Controller
{
    private const string Lang = "{lang:" + SiteLanguage.RouteConstraint + "}";

    [HttpGet("/" + Lang + "/check")]
    [OutputCache(PolicyName = PublicCaching.Queries, VaryByQueryKeys = ["q"])]
    public async Task<IActionResult> Check(string lang, string? q, CancellationToken cancellationToken)
    {
        var language = SiteLanguage.Find(lang)!;
        var links = SiteLanguage.All.Where(l => l != language)
            .Select(l => new LanguageLink(l, string.IsNullOrWhiteSpace(q) || q.Length > CheckPage.MaxQueryLength
                ? $"/{l.Code}/check"
                : $"/{l.Code}/check?q={Uri.EscapeDataString(q)}", false))
            .ToList();

        if (q is not null && q.Length > CheckPage.MaxQueryLength)
            return this.BadRequestPage(language, string.Format(language.Culture, text["Check.TooLong"], CheckPage.MaxQueryLength), links);

        var query = SearchController.Readable(q);
        if (query.Length == 0)
            return View("Check", new CheckPage { Language = language, Title = text["Check.Heading"], LanguageLinks = links, Query = "", Outcome = CheckOutcome.Empty });

        var result = await IndicatorCheck.FindAsync(db, q!, cancellationToken);
        var matches = result.Matches
            .Select(m => (m.TranslationKey, Match: new CheckMatch(
                m.Title, $"/{m.Language}/advisories/{Uri.EscapeDataString(m.Slug)}", SiteLanguage.Find(m.Language) ?? SiteLanguage.Default,
                m.Kind, m.Rating, m.PublishedAt, m.UpdatedAt, m.Type, IndicatorNormalizer.Display(m.Type, m.Raw))))
            // One story told in three languages is one card: the reader's language (else the newest), "also in" the others.
            .GroupBy(m => m.TranslationKey ?? m.Match.Path)
            .Select(story =>
            {
                var shown = story.Select(m => m.Match).OrderBy(m => m.Language == language ? 0 : 1).First();
                return shown with
                {
                    AlsoIn = story.Select(m => m.Match).Where(m => m != shown).OrderBy(m => SiteLanguage.All.ToList().IndexOf(m.Language))
                        .Select(m => new TranslationLink(m.Language, m.Path, m.Title)).ToList(),
                };
            })
            // The reader's own language first; within it, newest first (as found).
            .OrderBy(m => m.Language == language ? 0 : 1)
            .ToList();
        return View("Check", new CheckPage
        {
            Language = language,
            Title = string.Format(language.Culture, text["Check.TitleFor"], query),
            LanguageLinks = links,
            Query = query,
            Outcome = result.Candidates.Count == 0 ? CheckOutcome.NotRecognized : matches.Count == 0 ? CheckOutcome.NotFound : CheckOutcome.Found,
            LookedFor = result.Candidates.Select(c => new CheckedIndicator(c.Type, IndicatorNormalizer.Display(c.Type, c.Value))).ToList(),
            Matches = matches,
        });
    }
}
