using System.Globalization;
using System.Xml;

namespace FactCheck;

/// <summary>Atom 1.0 (RFC 4287).</summary>
public static class AtomFeedWriter
{
    public static byte[] Write(Feed feed)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, FeedFormats.XmlSettings))
        {
            const string atom = FeedFormats.AtomNamespace;
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xmlns", "media", null, FeedFormats.MediaRssNamespace);
            xml.WriteAttributeString("xmlns", "fc", null, FeedFormats.FactCheckNamespace);
            xml.WriteAttributeString("xml", "lang", null, feed.Language.Code);

            // The feed's own address is its permanent id: it never changes with the content.
            Text(xml, "id", feed.SelfUrl);
            TypedText(xml, "title", feed.Title);
            TypedText(xml, "subtitle", feed.Description);
            Text(xml, "updated", FeedFormats.Rfc3339(feed.Updated));
            Link(xml, "self", "application/atom+xml", feed.SelfUrl);
            Link(xml, "alternate", "text/html", feed.HomeUrl);
            Author(xml, feed.Publisher.Name, feed.Publisher.Url);
            Text(xml, "generator", feed.Publisher.Name);

            foreach (var entry in feed.Entries) WriteEntry(xml, entry);

            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, FeedEntry entry)
    {
        xml.WriteStartElement("entry", FeedFormats.AtomNamespace);
        Text(xml, "id", entry.Urn);
        TypedText(xml, "title", entry.Title);
        Text(xml, "updated", FeedFormats.Rfc3339(entry.Updated));
        Text(xml, "published", FeedFormats.Rfc3339(entry.Published));
        Link(xml, "alternate", "text/html", entry.Url);
        foreach (var author in entry.Authors) Author(xml, author, null);
        if (entry.Verdict is { } verdict) Category(xml, verdict.Key, verdict.Scheme, verdict.Label);
        foreach (var platform in entry.Platforms) Category(xml, platform.Term, platform.Scheme, platform.Label);
        foreach (var tag in entry.Tags) Category(xml, tag.Term, tag.Scheme, tag.Label);
        TypedText(xml, "summary", entry.Summary);

        xml.WriteStartElement("content", FeedFormats.AtomNamespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(FeedFormats.XmlSafe(entry.ContentHtml));
        xml.WriteEndElement();

        if (entry.Images.Count > 0)
        {
            var first = entry.Images[0];
            xml.WriteStartElement("link", FeedFormats.AtomNamespace);
            xml.WriteAttributeString("rel", "enclosure");
            xml.WriteAttributeString("type", first.ContentType);
            xml.WriteAttributeString("length", first.Length.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("href", first.Url);
            xml.WriteEndElement();
        }
        foreach (var image in entry.Images) RssFeedWriter.MediaContent(xml, image);
        RssFeedWriter.FactCheckElements(xml, entry);
        xml.WriteEndElement();
    }

    internal static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", FeedFormats.AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    internal static void Author(XmlWriter xml, string name, string? uri)
    {
        xml.WriteStartElement("author", FeedFormats.AtomNamespace);
        Text(xml, "name", name);
        if (uri is not null) Text(xml, "uri", uri);
        xml.WriteEndElement();
    }

    private static void Category(XmlWriter xml, string term, string scheme, string label)
    {
        xml.WriteStartElement("category", FeedFormats.AtomNamespace);
        xml.WriteAttributeString("term", FeedFormats.XmlSafe(term));
        xml.WriteAttributeString("scheme", scheme);
        xml.WriteAttributeString("label", FeedFormats.XmlSafe(label));
        xml.WriteEndElement();
    }

    internal static void Text(XmlWriter xml, string name, string value) =>
        xml.WriteElementString(name, FeedFormats.AtomNamespace, FeedFormats.XmlSafe(value));

    internal static void TypedText(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, FeedFormats.AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(FeedFormats.XmlSafe(value));
        xml.WriteEndElement();
    }
}
