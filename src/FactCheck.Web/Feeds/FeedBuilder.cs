using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>Loads what a feed carries — published advisories only, newest first — and turns it into a <see cref="Feed"/>.</summary>
public sealed class FeedBuilder(
    AppDbContext db, BodyRendering bodies, MediaLibrary media, ContentLists contentLists, IOptions<SiteOptions> site,
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

        var lists = await contentLists.GetAsync(cancellationToken);
        var inScope = db.Advisories.AsNoTracking().Where(a => a.Language == language.Code);
        string? heading;
        switch (scope.Facet)
        {
            case FeedFacet.Verdict:
                var rating = lists.Ratings.FirstOrDefault(r => r.Key == scope.Value);
                if (rating is null) return null;
                heading = rating.Label(language.Code);
                inScope = inScope.Where(a => a.RatingId == rating.Id && a.Kind != AdvisoryKind.Explainer);
                break;
            case FeedFacet.Platform:
                var platform = lists.Platforms.FirstOrDefault(p => p.Key == scope.Value);
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

        // One query: the entries with their stored renderings (Rendering/RenderedHtml.cs), no Markdown per request.
        // Only the columns an entry shows: reading and converting every column of fifty advisories (the Markdown,
        // the claim) was half of an uncached feed's query time (bench/README.md, "Uncached feeds").
        var current = RenderedHtml.Current;
        var rows = await (
                from a in inScope.Where(a => a.Status == AdvisoryStatus.Published && a.PublishedAt != null && a.PublishedAt <= now)
                join r in db.Set<RenderedAdvisory>() on a.Id equals r.AdvisoryId into rendered
                from r in rendered.DefaultIfEmpty()
                orderby a.PublishedAt descending, a.Id
                select new
                {
                    Advisory = new Advisory
                    {
                        Id = a.Id, Language = a.Language, Slug = a.Slug, Kind = a.Kind, Status = a.Status, Title = a.Title, Summary = a.Summary,
                        RatingId = a.RatingId, Severity = a.Severity, Steps = a.Steps,
                        CreatedAt = a.CreatedAt, PublishedAt = a.PublishedAt, UpdatedAt = a.UpdatedAt,
                        // The Markdown only for a row without a current rendering, which is rendered here.
                        Body = r != null && r.RendererVersion == current ? "" : a.Body,
                    },
                    Rendered = r,
                })
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        // A withdrawal changes the feed (an item leaves it), so it counts towards Last-Modified.
        // Newest first and the first one (IX_Advisories_Status_Language_WithdrawnAt), not MAX: with the scope's
        // conditions SQLite would read every withdrawn advisory of the language for MAX (2-5 ms at 100,000).
        var lastWithdrawal = await inScope
            .Where(a => a.Status == AdvisoryStatus.Withdrawn && a.WithdrawnAt != null && a.WithdrawnAt <= now)
            .OrderByDescending(a => a.WithdrawnAt).Select(a => a.WithdrawnAt).FirstOrDefaultAsync(cancellationToken);

        // Rows not rendered by this renderer yet (just deployed) are rendered here, as their pages are.
        var stale = rows.Where(r => r.Rendered?.RendererVersion != current).Select(r => r.Advisory).ToList();
        if (stale.Count > 0) await AdvisoryRendering.LoadListsAsync(db, stale, cancellationToken);
        var advisories = rows.Select(row =>
        {
            var advisory = row.Advisory;
            if (row.Rendered is { } rendered && rendered.RendererVersion == current)
            {
                AdvisoryParts.FromJson(rendered.Parts).ApplyTo(advisory, lists);
                return (advisory, BodyHtml: rendered.BodyHtml);
            }
            AdvisoryParts.Of(advisory).ApplyTo(advisory, lists);
            return (advisory, BodyHtml: bodies.Html(advisory));
        }).ToList();
        var scale = lists.Scale;

        var entries = new List<FeedEntry>();
        foreach (var (advisory, bodyHtml) in advisories)
        {
            // One advisory that cannot be turned into an entry is left out (and the desk told); the feed still answers.
            try { entries.Add(Entry(advisory, bodyHtml, baseUrl, scale, now)); }
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

    /// <summary>The date readers see as "updated": the last correction or update note, never in the future.</summary>
    public static DateTime UpdatedAt(Advisory advisory, DateTime now)
    {
        var updated = advisory.Corrections.Where(c => c.PublishedAt <= now).Select(c => c.PublishedAt)
            .Append(advisory.PublishedAt ?? advisory.UpdatedAt).Append(advisory.UpdatedAt).Max();
        return updated > now ? now : updated;
    }

    private FeedEntry Entry(Advisory advisory, string bodyHtml, string baseUrl, (int Best, int Worst) scale, DateTime now)
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
            ContentHtml: ContentHtml(advisory, bodyHtml, verdict, images, new Uri(url), now),
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

    /// <summary>
    /// The whole story for someone who only reads the feed: verdict, screenshots, body, what to do,
    /// corrections. Written as text around the stored body (sanitized when it was rendered), every piece
    /// of text encoded on the way in.
    /// </summary>
    private string ContentHtml(Advisory advisory, string bodyHtml, FeedVerdict? verdict, IReadOnlyList<FeedImage> images, Uri pageUrl, DateTime now)
    {
        var language = advisory.SiteLanguage;
        var html = new StringBuilder(bodyHtml.Length + 512);
        if (verdict is not null)
            html.Append("<p><strong>").Append(FeedHtml.Text($"{text["Advisory.Verdict"]}: {verdict.Label}")).Append("</strong></p>");
        if (advisory.Kind == AdvisoryKind.Alert && advisory.Severity is { } severity)
            html.Append("<p>").Append(FeedHtml.Text($"{text["Advisory.Severity"]} {text[$"Severity.{severity}"]}")).Append("</p>");

        foreach (var image in images)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<figure><img src=\"{FeedHtml.Attribute(image.Url)}\" alt=\"{FeedHtml.Attribute(image.AltText)}\" width=\"{image.Width}\" height=\"{image.Height}\">");
            if (image.Caption is not null) html.Append("<figcaption>").Append(FeedHtml.Text(image.Caption)).Append("</figcaption>");
            html.Append("</figure>");
        }

        html.Append(bodyHtml);

        if (advisory.Steps.Count > 0)
        {
            html.Append("<h2>").Append(FeedHtml.Text(text["Advisory.WhatToDo"])).Append("</h2><ol>");
            foreach (var step in advisory.Steps) html.Append("<li>").Append(FeedHtml.Text(step)).Append("</li>");
            html.Append("</ol>");
        }

        var corrections = advisory.Corrections.Where(c => c.PublishedAt <= now).OrderBy(c => c.PublishedAt).ToList();
        if (corrections.Count > 0)
        {
            html.Append("<h2>").Append(FeedHtml.Text(text["Advisory.Corrections"])).Append("</h2><ul>");
            foreach (var correction in corrections)
                html.Append("<li><strong>").Append(FeedHtml.Text(text[$"Correction.{correction.Kind}"])).Append("</strong>")
                    .Append(FeedHtml.Text($" {HumanDates.Format(correction.PublishedAt, language)}: {correction.Note}")).Append("</li>");
            html.Append("</ul>");
        }
        return FeedHtml.Prepare(html.ToString(), pageUrl, language);
    }
}
