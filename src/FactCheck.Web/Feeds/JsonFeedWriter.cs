using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FactCheck;

/// <summary>JSON Feed 1.1, with the verdict in a "_factcheck" extension object (the format's rule for extensions).</summary>
public static class JsonFeedWriter
{
    /// <summary>
    /// For JSON served as its own document (application/feed+json, application/json, with nosniff):
    /// Arabic, Cyrillic, quotes and "+" stay readable. Never use it for JSON placed inside HTML —
    /// that is what <see cref="HtmlSafeEncoder"/> is for.
    /// </summary>
    public static readonly JavaScriptEncoder DocumentEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>Escapes &lt; &gt; &amp; ' " + so JSON inside a script element cannot end it; letters of every script stay readable.</summary>
    public static readonly JavaScriptEncoder HtmlSafeEncoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static byte[] Write(Feed feed)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = DocumentEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.HomeUrl);
            json.WriteString("feed_url", feed.SelfUrl);
            json.WriteString("description", feed.Description);
            json.WriteString("language", feed.Language.Code);
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", feed.Publisher.Name);
            json.WriteString("url", feed.Publisher.Url);
            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteStartArray("items");
            foreach (var entry in feed.Entries) WriteItem(json, entry, feed.Publisher);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry, FeedPublisher publisher)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Urn);
        json.WriteString("url", entry.Url);
        json.WriteString("title", entry.Title);
        json.WriteString("summary", entry.Summary);
        json.WriteString("content_html", entry.ContentHtml);
        json.WriteString("date_published", FeedFormats.Rfc3339(entry.Published));
        json.WriteString("date_modified", FeedFormats.Rfc3339(entry.Updated));
        if (entry.Authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in entry.Authors)
            {
                json.WriteStartObject();
                json.WriteString("name", author);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("tags");
        foreach (var tag in entry.Tags) json.WriteStringValue(tag.Label);
        foreach (var platform in entry.Platforms) json.WriteStringValue(platform.Label);
        json.WriteEndArray();
        if (entry.Images.Count > 0)
        {
            json.WriteString("image", entry.Images[0].Url);
            json.WriteStartArray("attachments");
            foreach (var image in entry.Images)
            {
                json.WriteStartObject();
                json.WriteString("url", image.Url);
                json.WriteString("mime_type", image.ContentType);
                json.WriteNumber("size_in_bytes", image.Length);
                if (image.AltText.Length > 0) json.WriteString("title", image.AltText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        json.WriteStartObject("_factcheck");
        json.WriteString("about", publisher.AboutUrl);
        json.WriteString("kind", FeedFormats.KindName(entry.Kind));
        if (entry.Verdict is { } verdict)
        {
            json.WriteStartObject("verdict");
            json.WriteString("key", verdict.Key);
            json.WriteString("label", verdict.Label);
            json.WriteNumber("value", verdict.Value);
            json.WriteNumber("best", verdict.Best);
            json.WriteNumber("worst", verdict.Worst);
            json.WriteEndObject();
        }
        if (entry.Severity is { } severity) json.WriteString("severity", FeedFormats.SeverityName(severity));
        json.WriteStartArray("platforms");
        foreach (var platform in entry.Platforms)
        {
            json.WriteStartObject();
            json.WriteString("key", platform.Term);
            json.WriteString("name", platform.Label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteEndObject();
    }
}
