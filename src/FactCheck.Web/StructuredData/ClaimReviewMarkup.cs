using System.Text.Json;

namespace FactCheck;

/// <summary>
/// One schema.org ClaimReview per fact-check page, as JSON-LD (docs/feeds.md, "In pages").
/// Every value is one the page shows: the claim, the claimant, the first-seen date, the verdict label
/// and the published date; the numbers are the rating scale's, documented on /{lang}/methodology.
/// </summary>
public static class ClaimReviewMarkup
{
    /// <summary>Google asks for claimReviewed under 75 characters.</summary>
    public const int MaxClaimLength = 74;

    /// <summary>Null when the page reviews no claim (explainers, or an advisory without claim text or verdict).</summary>
    public static string? Json(Advisory advisory, (int Best, int Worst) scale, string pageUrl, string siteName, string siteUrl)
    {
        if (advisory.Kind == AdvisoryKind.Explainer || !advisory.HasVerdict || string.IsNullOrWhiteSpace(advisory.ClaimText) || advisory.PublishedAt is null)
            return null;
        var rating = advisory.Rating!;
        var appearances = advisory.ClaimAppearances
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .ToList();

        using var stream = new MemoryStream();
        // The encoder escapes < > & so the JSON cannot close the script element it is embedded in.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonFeedWriter.HtmlSafeEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "ClaimReview");
            json.WriteString("url", pageUrl);
            json.WriteString("claimReviewed", ShortClaim(advisory.ClaimText));
            json.WriteString("inLanguage", advisory.Language);
            json.WriteString("datePublished", FeedFormats.Rfc3339(advisory.PublishedAt.Value));
            json.WriteStartObject("author");
            json.WriteString("@type", "Organization");
            json.WriteString("name", siteName);
            json.WriteString("url", siteUrl);
            json.WriteEndObject();

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
            if (!string.IsNullOrWhiteSpace(advisory.Claimant))
            {
                json.WriteStartObject("author");
                // Claimants here are accounts, bots and impersonated services rather than named people.
                json.WriteString("@type", "Organization");
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
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The claim as written, or its beginning cut at a word boundary with an ellipsis — never the verdict.</summary>
    public static string ShortClaim(string claim)
    {
        var text = string.Join(' ', claim.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= MaxClaimLength) return text;
        var cut = MaxClaimLength - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        var space = text.LastIndexOf(' ', cut);
        if (space > MaxClaimLength / 2) cut = space;
        return text[..cut].TrimEnd(' ', ',', '،', ';', '؛', ':', '-', '—') + "…";
    }
}
