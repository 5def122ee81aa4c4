using System.Globalization;
using System.Xml;

namespace FactCheck;

/// <summary>RSS 2.0 following the RSS Advisory Board profile (docs/feeds.md).</summary>
public static class RssFeedWriter
{
    public static byte[] Write(Feed feed)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, FeedFormats.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, FeedFormats.AtomNamespace);
            xml.WriteAttributeString("xmlns", "content", null, FeedFormats.ContentNamespace);
            xml.WriteAttributeString("xmlns", "dc", null, FeedFormats.DublinCoreNamespace);
            xml.WriteAttributeString("xmlns", "media", null, FeedFormats.MediaRssNamespace);
            xml.WriteAttributeString("xmlns", "fc", null, FeedFormats.FactCheckNamespace);

            xml.WriteStartElement("channel");
            Text(xml, "title", feed.Title);
            Text(xml, "link", feed.HomeUrl);
            Text(xml, "description", feed.Description);
            Text(xml, "language", feed.Language.Code);
            Text(xml, "lastBuildDate", FeedFormats.Rfc822(feed.Updated));
            Text(xml, "generator", feed.Publisher.Name);
            xml.WriteStartElement("atom", "link", FeedFormats.AtomNamespace);
            xml.WriteAttributeString("href", feed.SelfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();

            foreach (var entry in feed.Entries) WriteItem(xml, entry);

            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void WriteItem(XmlWriter xml, FeedEntry entry)
    {
        xml.WriteStartElement("item");
        Text(xml, "title", entry.Title);
        Text(xml, "link", entry.Url);
        // description is read as HTML by readers: the plain-text summary is encoded once more so "<" stays text.
        Text(xml, "description", entry.Summary.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal));
        xml.WriteElementString("content", "encoded", FeedFormats.ContentNamespace, FeedFormats.XmlSafe(entry.ContentHtml));
        // RSS <author> must be an e-mail address; names go in dc:creator.
        if (entry.Authors.Count > 0) xml.WriteElementString("dc", "creator", FeedFormats.DublinCoreNamespace, FeedFormats.XmlSafe(string.Join(", ", entry.Authors)));
        if (entry.Verdict is { } verdict) Category(xml, verdict.Key, verdict.Scheme);
        foreach (var platform in entry.Platforms) Category(xml, platform.Term, platform.Scheme);
        foreach (var tag in entry.Tags) Category(xml, tag.Term, tag.Scheme);

        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(entry.Urn);
        xml.WriteEndElement();
        Text(xml, "pubDate", FeedFormats.Rfc822(entry.Published));

        if (entry.Images.Count > 0)
        {
            // At most one enclosure per item; every screenshot also goes in media:content.
            var first = entry.Images[0];
            xml.WriteStartElement("enclosure");
            xml.WriteAttributeString("url", first.Url);
            xml.WriteAttributeString("length", first.Length.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("type", first.ContentType);
            xml.WriteEndElement();
        }
        foreach (var image in entry.Images) MediaContent(xml, image);

        FactCheckElements(xml, entry);
        xml.WriteElementString("fc", "updated", FeedFormats.FactCheckNamespace, FeedFormats.Rfc3339(entry.Updated));
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term, string scheme)
    {
        xml.WriteStartElement("category");
        xml.WriteAttributeString("domain", scheme);
        xml.WriteString(FeedFormats.XmlSafe(term));
        xml.WriteEndElement();
    }

    internal static void MediaContent(XmlWriter xml, FeedImage image)
    {
        xml.WriteStartElement("media", "content", FeedFormats.MediaRssNamespace);
        xml.WriteAttributeString("url", image.Url);
        xml.WriteAttributeString("type", image.ContentType);
        xml.WriteAttributeString("medium", "image");
        xml.WriteAttributeString("fileSize", image.Length.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("width", image.Width.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("height", image.Height.ToString(CultureInfo.InvariantCulture));
        if (image.AltText.Length > 0)
        {
            xml.WriteStartElement("media", "description", FeedFormats.MediaRssNamespace);
            xml.WriteAttributeString("type", "plain");
            xml.WriteString(FeedFormats.XmlSafe(image.AltText));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The verdict, kind, severity and platforms as data (shared by RSS and Atom).</summary>
    internal static void FactCheckElements(XmlWriter xml, FeedEntry entry)
    {
        const string fc = FeedFormats.FactCheckNamespace;
        xml.WriteElementString("fc", "kind", fc, FeedFormats.KindName(entry.Kind));
        if (entry.Verdict is { } verdict)
        {
            xml.WriteStartElement("fc", "verdict", fc);
            xml.WriteAttributeString("key", verdict.Key);
            xml.WriteAttributeString("value", verdict.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("best", verdict.Best.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("worst", verdict.Worst.ToString(CultureInfo.InvariantCulture));
            xml.WriteString(FeedFormats.XmlSafe(verdict.Label));
            xml.WriteEndElement();
        }
        if (entry.Severity is { } severity) xml.WriteElementString("fc", "severity", fc, FeedFormats.SeverityName(severity));
        foreach (var platform in entry.Platforms)
        {
            xml.WriteStartElement("fc", "platform", fc);
            xml.WriteAttributeString("key", platform.Term);
            xml.WriteString(FeedFormats.XmlSafe(platform.Label));
            xml.WriteEndElement();
        }
    }

    private static void Text(XmlWriter xml, string name, string value) => xml.WriteElementString(name, FeedFormats.XmlSafe(value));
}
