using System.Text.Json;

namespace FactCheck;

/// <summary>
/// The JSON-LD of an advisory page (docs/feeds.md, "In pages"): a schema.org NewsArticle, and
/// beside it one ClaimReview when the page reviews a claim. Every value is one the page shows: the
/// headline, the claim (whole: never cut), the claimant, the first-seen date, the verdict label and the
/// dates; the numbers are the rating scale's, documented on /{lang}/methodology. The publisher is the
/// NewsMediaOrganization every page describes (<see cref="OrganizationMarkup"/>), referred to by its @id.
/// </summary>
public static class ClaimReviewMarkup
{
    public static string Json(Advisory advisory, (int Best, int Worst) scale, string pageUrl, string siteName, string siteUrl, SharingImage? image = null)
    {
        using var stream = new MemoryStream();
        // The encoder escapes < > & so the JSON cannot close the script element it is embedded in.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonFeedWriter.HtmlSafeEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteStartArray("@graph");
            WriteArticle(json, advisory, pageUrl, siteName, siteUrl, image);
            if (Reviews(advisory)) WriteClaimReview(json, advisory, scale, pageUrl, siteName, siteUrl);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A ClaimReview needs a claim and a verdict: explainers and advisories without them have none.</summary>
    public static bool Reviews(Advisory advisory) =>
        advisory.Kind != AdvisoryKind.Explainer && advisory.HasVerdict && !string.IsNullOrWhiteSpace(advisory.ClaimText) && advisory.PublishedAt is not null;

    private static void WriteArticle(Utf8JsonWriter json, Advisory advisory, string pageUrl, string siteName, string siteUrl, SharingImage? image)
    {
        json.WriteStartObject();
        json.WriteString("@type", "NewsArticle");
        json.WriteString("@id", pageUrl + "#article");
        json.WriteString("url", pageUrl);
        json.WriteString("mainEntityOfPage", pageUrl);
        json.WriteString("headline", advisory.Title);
        json.WriteString("description", advisory.Summary);
        json.WriteString("inLanguage", advisory.Language);
        if (advisory.PublishedAt is { } published) json.WriteString("datePublished", FeedFormats.Rfc3339(published));
        json.WriteString("dateModified", FeedFormats.Rfc3339(advisory.UpdatedAt));
        if (image is not null)
        {
            json.WriteStartObject("image");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", siteUrl.TrimEnd('/') + image.Path);
            json.WriteNumber("width", image.Width);
            json.WriteNumber("height", image.Height);
            json.WriteEndObject();
        }
        json.WriteStartArray("author");
        if (advisory.Authors.Count == 0) WriteOrganization(json, siteName, siteUrl);
        foreach (var author in advisory.Authors)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Person");
            json.WriteString("name", author.Name);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("publisher");
        WriteOrganization(json, siteName, siteUrl);
        if (advisory.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", advisory.Tags.Select(t => t.Name)));
        json.WriteEndObject();
    }

    private static void WriteClaimReview(Utf8JsonWriter json, Advisory advisory, (int Best, int Worst) scale, string pageUrl, string siteName, string siteUrl)
    {
        var rating = advisory.Rating!;
        var appearances = advisory.ClaimAppearances
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .ToList();
        json.WriteStartObject();
        json.WriteString("@type", "ClaimReview");
        json.WriteString("url", pageUrl);
        // The claim as the page shows it. Google asks for under 75 characters: the editor keeps it short
        // (the editor form says so); cutting it here would put words in the claimant's mouth.
        json.WriteString("claimReviewed", WholeClaim(advisory.ClaimText!));
        json.WriteString("inLanguage", advisory.Language);
        json.WriteString("datePublished", FeedFormats.Rfc3339(advisory.PublishedAt!.Value));
        json.WritePropertyName("author");
        WriteOrganization(json, siteName, siteUrl);

        json.WriteStartObject("reviewRating");
        json.WriteString("@type", "Rating");
        json.WriteString("alternateName", rating.Label(advisory.Language));
        if (scale.Best > scale.Worst && scale.Worst >= 1)
        {
            json.WriteNumber("ratingValue", rating.Value);
            json.WriteNumber("bestRating", scale.Best);
            json.WriteNumber("worstRating", scale.Worst);
        }
        json.WriteEndObject();

        json.WriteStartObject("itemReviewed");
        json.WriteString("@type", "Claim");
        // A named person or organization is the claim's author. Unknown accounts on a platform (most
        // scams) have none to name: the page says who spread it, the markup invents no author.
        if (!string.IsNullOrWhiteSpace(advisory.Claimant) && advisory.ClaimantKind is ClaimantKind.Person or ClaimantKind.Organization)
        {
            json.WriteStartObject("author");
            json.WriteString("@type", advisory.ClaimantKind == ClaimantKind.Person ? "Person" : "Organization");
            json.WriteString("name", advisory.Claimant);
            json.WriteEndObject();
        }
        if (advisory.ClaimFirstSeen is { } firstSeen) json.WriteString("datePublished", FeedFormats.IsoDate(firstSeen));
        if (appearances.Count > 0)
        {
            json.WriteStartObject("firstAppearance");
            json.WriteString("@type", "CreativeWork");
            json.WriteString("url", appearances[0]);
            json.WriteEndObject();
            json.WriteStartArray("appearance");
            foreach (var url in appearances)
            {
                json.WriteStartObject();
                json.WriteString("@type", "CreativeWork");
                json.WriteString("url", url);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The publisher, by the @id of the organization described on every page, with its name and address for readers of this block alone.</summary>
    private static void WriteOrganization(Utf8JsonWriter json, string siteName, string siteUrl)
    {
        json.WriteStartObject();
        json.WriteString("@type", "NewsMediaOrganization");
        json.WriteString("@id", OrganizationMarkup.Id(siteUrl));
        json.WriteString("name", siteName);
        json.WriteString("url", siteUrl);
        json.WriteEndObject();
    }

    /// <summary>The claim as written, its whitespace collapsed (line breaks from the editor's textarea), never shortened.</summary>
    public static string WholeClaim(string claim) => string.Join(' ', claim.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
