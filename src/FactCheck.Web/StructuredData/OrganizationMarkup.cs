using System.Text.Json;

namespace FactCheck;

/// <summary>
/// The publisher, as schema.org's NewsMediaOrganization, on every public page: name, logo and the
/// transparency pages that show how it works (publishing principles, corrections, ownership and funding,
/// masthead, contact, and the rating methodology), so aggregators can find them without guessing.
/// </summary>
public static class OrganizationMarkup
{
    public const string LogoPath = "/logo.png";
    public const int LogoSize = 512;

    public static string Id(string siteUrl) => siteUrl.TrimEnd('/') + "/#organization";

    /// <param name="siteUrl">The site's absolute base URL, with or without a trailing slash.</param>
    public static string Json(string siteName, string siteUrl, SiteLanguage language)
    {
        var root = siteUrl.TrimEnd('/');
        string Page(string key) => $"{root}/{language.Code}/{key}";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonFeedWriter.HtmlSafeEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsMediaOrganization");
            json.WriteString("@id", Id(siteUrl));
            json.WriteString("name", siteName);
            json.WriteString("url", root + "/");
            json.WriteStartObject("logo");
            json.WriteString("@type", "ImageObject");
            json.WriteString("url", root + LogoPath);
            json.WriteNumber("width", LogoSize);
            json.WriteNumber("height", LogoSize);
            json.WriteEndObject();
            json.WriteString("publishingPrinciples", Page("about"));
            json.WriteString("verificationFactCheckingPolicy", Page("methodology"));
            json.WriteString("correctionsPolicy", Page("corrections-policy"));
            json.WriteString("ownershipFundingInfo", Page("funding"));
            json.WriteString("masthead", Page("team"));
            json.WriteString("actionableFeedbackPolicy", Page("contact"));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
