using System.Globalization;
using System.Xml;

namespace FactCheck;

/// <summary>OASIS CAP 1.2 documents. Element order follows the schema, which requires it.</summary>
public static class CapWriter
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";
    /// <summary>
    /// application/cap+xml was only ever proposed in an Internet-Draft that expired unregistered;
    /// CAP is served as the registered application/xml (docs/feeds.md).
    /// </summary>
    public const string MediaType = "application/xml; charset=utf-8";

    /// <summary>CAP forbids "Z": UTC is written -00:00.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'-00:00'", CultureInfo.InvariantCulture);

    public static string Urgency(Severity? severity) => severity is Severity.High or Severity.Critical ? "Immediate" : "Expected";

    public static string SeverityValue(Severity? severity) => severity switch
    {
        Severity.Critical => "Extreme",
        Severity.High => "Severe",
        Severity.Medium => "Moderate",
        Severity.Low => "Minor",
        _ => "Unknown",
    };

    /// <summary>Observed when our verdict is the worst on the scale (we saw the scam); Possible for milder verdicts.</summary>
    public static string Certainty(Rating? rating, int worstRating) => rating switch
    {
        null => "Likely",
        { Value: var value } when value <= worstRating => "Observed",
        _ => "Possible",
    };

    public static byte[] Write(CapDocument document)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, FeedFormats.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("alert", Namespace);
            var message = document.Message;
            Text(xml, "identifier", message.Identifier);
            Text(xml, "sender", document.Sender);
            Text(xml, "sent", Time(message.Sent));
            Text(xml, "status", "Actual");
            Text(xml, "msgType", message.Type.ToString());
            Text(xml, "scope", "Public");
            if (message.Note is not null) Text(xml, "note", message.Note);
            if (document.References.Count > 0)
                Text(xml, "references", string.Join(' ', document.References.Select(r => $"{document.Sender},{r.Identifier},{Time(r.Sent)}")));

            foreach (var info in document.Infos)
            {
                xml.WriteStartElement("info", Namespace);
                Text(xml, "language", info.Language);
                Text(xml, "category", "Security");
                Text(xml, "event", info.Event);
                Text(xml, "responseType", "Avoid");
                Text(xml, "urgency", info.Urgency);
                Text(xml, "severity", info.Severity);
                Text(xml, "certainty", info.Certainty);
                Text(xml, "expires", Time(info.Expires));
                Text(xml, "senderName", info.SenderName);
                Text(xml, "headline", info.Headline);
                Text(xml, "description", info.Description);
                if (info.Instruction is not null) Text(xml, "instruction", info.Instruction);
                Text(xml, "web", info.Web);
                if (info.VerdictKey is not null)
                {
                    xml.WriteStartElement("parameter", Namespace);
                    Text(xml, "valueName", "verdict");
                    Text(xml, "value", info.VerdictKey);
                    xml.WriteEndElement();
                }
                if (info.Image is { } image)
                {
                    xml.WriteStartElement("resource", Namespace);
                    Text(xml, "resourceDesc", image.AltText.Length > 0 ? image.AltText : "screenshot");
                    Text(xml, "mimeType", image.ContentType);
                    Text(xml, "size", image.Length.ToString(CultureInfo.InvariantCulture));
                    Text(xml, "uri", image.Url);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Text(XmlWriter xml, string name, string value) =>
        xml.WriteElementString(name, Namespace, FeedFormats.XmlSafe(value));
}
