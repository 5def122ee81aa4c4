using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>Loads what a feed carries — published advisories only, newest first — and turns it into a <see cref="Feed"/>.</summary>
public sealed class FeedBuilder(
    AppDbContext db, BodyRendering bodies, MediaLibrary media, IOptions<SiteOptions> site,
    IStringLocalizer<SharedResource> text, TimeProvider clock, RenderProblems problems, ILogger<FeedBuilder> logger)
{
    public const int MaxEntries = 50;

    /// <summary>Null when the scope names a verdict, platform or tag that does not exist.</summary>
    public async Task<Feed?> BuildAsync(FeedScope scope, FeedFormat format, string baseUrl, CancellationToken cancellationToken = default)
    {
        var language = scope.Language;
        // Headings inside item HTML are in the feed's language, whatever the caller's culture.
        CultureInfo.CurrentUICulture = language.Culture;
        var now = clock.GetUtcNow().UtcDateTime;

        var inScope = db.Advisories.Where(a => a.Language == language.Code);
        string? heading;
        switch (scope.Facet)
        {
            case FeedFacet.Verdict:
                var rating = await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.Key == scope.Value, cancellationToken);
                if (rating is null) return null;
                heading = rating.Label(language.Code);
                inScope = inScope.Where(a => a.RatingId == rating.Id && a.Kind != AdvisoryKind.Explainer);
                break;
            case FeedFacet.Platform:
                var platform = await db.Platforms.AsNoTracking().FirstOrDefaultAsync(p => p.Key == scope.Value, cancellationToken);
                if (platform is null) return null;
                heading = platform.NameIn(language.Code);
                inScope = inScope.Where(a => a.Platforms.Any(p => p.Id == platform.Id));
                break;
            case FeedFacet.Tag:
                var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Name == scope.Value, cancellationToken);
                if (tag is null) return null;
                heading = tag.Name;
                inScope = inScope.Where(a => a.Tags.Any(t => t.Id == tag.Id));
                break;
            default:
                heading = null;
                break;
        }

        var advisories = await inScope
            .Where(a => a.Status == AdvisoryStatus.Published && a.PublishedAt != null && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Id)
            .Take(MaxEntries)
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Corrections).Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().AsNoTracking()
            .ToListAsync(cancellationToken);
        // A withdrawal changes the feed (an item leaves it), so it counts towards Last-Modified.
        var lastWithdrawal = await inScope
            .Where(a => a.Status == AdvisoryStatus.Withdrawn && a.WithdrawnAt != null && a.WithdrawnAt <= now)
            .MaxAsync(a => a.WithdrawnAt, cancellationToken);
        var scale = await RatingScaleAsync(db, cancellationToken);

        var entries = new List<FeedEntry>();
        foreach (var advisory in advisories)
        {
            // One advisory that cannot be turned into an entry is left out (and the desk told); the feed still answers.
            try { entries.Add(Entry(advisory, baseUrl, scale, now)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Advisory {Id} left out of the {Language} feed", advisory.Id, language.Code);
                problems.Report(advisory.Id, advisory.Title, e.Message, now);
            }
        }
        var updated = entries.Select(e => e.Updated).Append(lastWithdrawal ?? DateTime.UnixEpoch).Max();
        var siteName = site.Value.Name;
        return new Feed(
            Title: $"\u2068{siteName}\u2069 — \u2068{heading ?? text["Home.Heading"]}\u2069",
            Description: text["Site.Tagline"],
            Language: language,
            HomeUrl: baseUrl + scope.ListPath,
            SelfUrl: baseUrl + scope.Path(format),
            Updated: DateTime.SpecifyKind(updated, DateTimeKind.Utc),
            Publisher: new FeedPublisher(siteName, baseUrl + "/", $"{baseUrl}/{language.Code}/methodology"),
            Entries: entries);
    }

    /// <summary>The best and worst ClaimReview numbers of the rating scale.</summary>
    public static async Task<(int Best, int Worst)> RatingScaleAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var values = await db.Ratings.Select(r => r.Value).ToListAsync(cancellationToken);
        return values.Count == 0 ? (1, 1) : (values.Max(), values.Min());
    }

    /// <summary>The date readers see as "updated": the last correction or update note, never in the future.</summary>
    public static DateTime UpdatedAt(Advisory advisory, DateTime now)
    {
        var updated = advisory.Corrections.Where(c => c.PublishedAt <= now).Select(c => c.PublishedAt)
            .Append(advisory.PublishedAt ?? advisory.UpdatedAt).Append(advisory.UpdatedAt).Max();
        return updated > now ? now : updated;
    }

    private FeedEntry Entry(Advisory advisory, string baseUrl, (int Best, int Worst) scale, DateTime now)
    {
        var language = advisory.SiteLanguage;
        var url = baseUrl + advisory.Path;
        var images = Images(advisory, baseUrl).ToList();
        var verdict = advisory.HasVerdict
            ? new FeedVerdict(advisory.Rating!.Key, advisory.Rating.Label(language.Code), advisory.Rating.Value, scale.Best, scale.Worst,
                FeedScope.CategoryScheme(baseUrl, language, FeedFacet.Verdict))
            : null;
        return new FeedEntry(
            Id: advisory.Id,
            // Feed titles and summaries are plain text shown in the reader's own interface: each is a paragraph in
            // the advisory's direction, with brand names, handles and numbers isolated inside ("Reserve+", not "+Reserve").
            Title: Bidi.PlainParagraph(advisory.Title, language.Direction),
            Summary: Bidi.PlainParagraph(advisory.Summary, language.Direction),
            Url: url,
            ContentHtml: ContentHtml(advisory, verdict, images, new Uri(url), now),
            Published: advisory.PublishedAt!.Value,
            Updated: UpdatedAt(advisory, now),
            Authors: advisory.Authors.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(),
            Kind: advisory.Kind,
            Verdict: verdict,
            Severity: advisory.Kind == AdvisoryKind.Alert ? advisory.Severity : null,
            Platforms: advisory.Platforms.OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => new FeedCategory(p.Key, p.NameIn(language.Code), FeedScope.CategoryScheme(baseUrl, language, FeedFacet.Platform))).ToList(),
            Tags: advisory.Tags.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => new FeedCategory(t.Name, t.Name, FeedScope.CategoryScheme(baseUrl, language, FeedFacet.Tag))).ToList(),
            Images: images);
    }

    /// <summary>Screenshots whose file is really there, with the byte length read from the media store.</summary>
    private IEnumerable<FeedImage> Images(Advisory advisory, string baseUrl)
    {
        foreach (var shot in advisory.Screenshots.OrderBy(s => s.Position))
        {
            if (shot.Fallback is not { } file) continue;
            var info = media.Store.Find(file.FileName);
            if (!info.Exists) continue;
            yield return new FeedImage(baseUrl + file.Url, file.ContentType, info.Length, file.Width, file.Height, shot.AltText, shot.Caption);
        }
    }

    /// <summary>The whole story for someone who only reads the feed: verdict, screenshots, body, what to do, corrections.</summary>
    private string ContentHtml(Advisory advisory, FeedVerdict? verdict, IReadOnlyList<FeedImage> images, Uri pageUrl, DateTime now)
    {
        var language = advisory.SiteLanguage;
        var document = FeedHtml.NewDocument();
        var wrapper = FeedHtml.Wrapper(document, language);

        if (verdict is not null)
            wrapper.AppendChild(Element(document, "p", Element(document, "strong", $"{text["Advisory.Verdict"]}: {verdict.Label}")));
        if (advisory.Kind == AdvisoryKind.Alert && advisory.Severity is { } severity)
            wrapper.AppendChild(Element(document, "p", $"{text["Advisory.Severity"]} {text[$"Severity.{severity}"]}"));

        foreach (var image in images)
        {
            var img = document.CreateElement("img");
            img.SetAttribute("src", image.Url);
            img.SetAttribute("alt", image.AltText);
            img.SetAttribute("width", image.Width.ToString(CultureInfo.InvariantCulture));
            img.SetAttribute("height", image.Height.ToString(CultureInfo.InvariantCulture));
            var figure = Element(document, "figure", img);
            if (image.Caption is not null) figure.AppendChild(Element(document, "figcaption", image.Caption));
            wrapper.AppendChild(figure);
        }

        // The body comes out of the Markdown pipeline already sanitized (or as escaped plain text when it cannot be rendered).
        var body = document.CreateElement("div");
        body.InnerHtml = bodies.Html(advisory);
        wrapper.Append(body.ChildNodes.ToArray());

        if (advisory.Steps.Count > 0)
        {
            wrapper.AppendChild(Element(document, "h2", text["Advisory.WhatToDo"]));
            var list = document.CreateElement("ol");
            foreach (var step in advisory.Steps) list.AppendChild(Element(document, "li", step));
            wrapper.AppendChild(list);
        }

        var corrections = advisory.Corrections.Where(c => c.PublishedAt <= now).OrderBy(c => c.PublishedAt).ToList();
        if (corrections.Count > 0)
        {
            wrapper.AppendChild(Element(document, "h2", text["Advisory.Corrections"]));
            var list = document.CreateElement("ul");
            foreach (var correction in corrections)
            {
                var item = Element(document, "li", Element(document, "strong", text[$"Correction.{correction.Kind}"]));
                item.AppendChild(document.CreateTextNode($" {HumanDates.Format(correction.PublishedAt, language)}: {correction.Note}"));
                list.AppendChild(item);
            }
            wrapper.AppendChild(list);
        }
        return FeedHtml.Finish(wrapper, pageUrl);
    }

    private static AngleSharp.Dom.IElement Element(AngleSharp.Dom.IDocument document, string name, string textContent)
    {
        var element = document.CreateElement(name);
        element.TextContent = textContent;
        return element;
    }

    private static AngleSharp.Dom.IElement Element(AngleSharp.Dom.IDocument document, string name, AngleSharp.Dom.INode child)
    {
        var element = document.CreateElement(name);
        element.AppendChild(child);
        return element;
    }
}
