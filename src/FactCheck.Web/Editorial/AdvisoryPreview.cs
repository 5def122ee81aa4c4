using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Renders any advisory, whatever its status, with the public page template (for previews).</summary>
public static class AdvisoryPreview
{
    /// <param name="mediaPath">Where the page's screenshots are fetched: an address that checks who asks (<see cref="MediaAccess"/>).</param>
    public static async Task<AdvisoryPage?> PageAsync(AppDbContext db, BodyRendering bodies, Guid id, string mediaPath)
    {
        var advisory = await db.Advisories.Where(a => a.Id == id)
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().AsNoTracking().FirstOrDefaultAsync();
        if (advisory is null) return null;
        advisory.Screenshots.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Sources.Sort((a, b) => a.Position.CompareTo(b.Position));
        advisory.Corrections.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt));
        var language = advisory.SiteLanguage;
        return new AdvisoryPage
        {
            Language = language,
            Title = advisory.Title,
            Description = advisory.Summary,
            CanonicalPath = null, // previews are never indexed
            Advisory = advisory,
            BodyHtml = bodies.Html(advisory),
            Translations = [],
            MediaPath = mediaPath,
            LanguageLinks = PublicPageExtensions.HomeLinks(language),
        };
    }
}
