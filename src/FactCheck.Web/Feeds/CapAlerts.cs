using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>Loads alert-kind stories and turns them into CAP documents and the Atom index of active alerts.</summary>
public sealed class CapAlerts(
    AppDbContext db, MediaLibrary media, ContentLists contentLists, IOptions<SiteOptions> site, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The story an advisory id belongs to (any of its translations); null when it is not a published or withdrawn alert.</summary>
    public async Task<CapAlert?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var advisory = await Alerts().Where(a => a.Id == id).Select(a => new { a.Id, a.TranslationKey }).FirstOrDefaultAsync(cancellationToken);
        if (advisory is null) return null;
        var members = await Alerts()
            .Where(a => advisory.TranslationKey == null ? a.Id == advisory.Id : a.TranslationKey == advisory.TranslationKey)
            .Include(a => a.Rating).Include(a => a.Corrections).Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        return CapAlert.From(members, Now);
    }

    /// <summary>Every alert story ever published, latest message first.</summary>
    public async Task<IReadOnlyList<CapAlert>> AllAsync(CancellationToken cancellationToken = default)
    {
        var members = await Alerts().Include(a => a.Corrections).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        var now = Now;
        return members.GroupBy(a => a.TranslationKey ?? a.Id.ToString("D"))
            .Select(g => CapAlert.From(g, now))
            .OfType<CapAlert>()
            .OrderByDescending(a => a.Latest.Sent).ThenBy(a => a.Id)
            .ToList();
    }

    public async Task<CapDocument> DocumentAsync(CapAlert alert, string baseUrl, CancellationToken cancellationToken = default)
    {
        var (_, worst) = (await contentLists.GetAsync(cancellationToken)).Scale;
        var infos = new List<CapInfo>();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var advisory in alert.Current)
            {
                var language = advisory.SiteLanguage;
                CultureInfo.CurrentUICulture = language.Culture;
                var image = advisory.Screenshots.OrderBy(s => s.Position)
                    .Select(s => (Shot: s, File: s.Fallback))
                    .Select(s => (s.Shot, s.File, Info: s.File is null ? null : media.Store.Find(s.File.FileName)))
                    .Where(s => s.Info is { Exists: true })
                    .Select(s => new FeedImage(baseUrl + s.File!.Url, s.File.ContentType, s.Info!.Length,
                        s.File.Width, s.File.Height, s.Shot.AltText))
                    .FirstOrDefault();
                infos.Add(new CapInfo(
                    Language: language.Code,
                    Event: advisory.Rating?.Label(language.Code) ?? text["Kind.Alert"],
                    Urgency: CapWriter.Urgency(advisory.Severity),
                    Severity: CapWriter.SeverityValue(advisory.Severity),
                    Certainty: CapWriter.Certainty(advisory.Rating, worst),
                    Expires: alert.Expires,
                    SenderName: site.Value.Name,
                    Headline: advisory.Title,
                    Description: advisory.Summary,
                    Instruction: advisory.Steps.Count == 0 ? null
                        : string.Join("\n", advisory.Steps.Select((step, i) => (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + step)),
                    Web: baseUrl + advisory.Path,
                    VerdictKey: advisory.Rating?.Key,
                    Image: image));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
        return new CapDocument(Sender(baseUrl), alert.Latest, alert.Messages.Take(alert.Messages.Count - 1).ToList(), infos);
    }

    /// <summary>The Atom index of the active alerts: one entry per alert, pointing at its CAP document.</summary>
    public byte[] WriteIndex(IReadOnlyList<CapAlert> all, string baseUrl)
    {
        var now = Now;
        var alerts = all.Where(a => a.IsActive(now)).ToList();
        var self = baseUrl + IndexPath;
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, FeedFormats.XmlSettings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", FeedFormats.AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, "en");
            AtomFeedWriter.Text(xml, "id", self);
            AtomFeedWriter.TypedText(xml, "title", $"{site.Value.Name} — CAP alerts");
            AtomFeedWriter.Text(xml, "updated", FeedFormats.Rfc3339(LastModified(all)));
            AtomFeedWriter.Link(xml, "self", "application/atom+xml", self);
            AtomFeedWriter.Link(xml, "alternate", "text/html", baseUrl + "/");
            AtomFeedWriter.Author(xml, site.Value.Name, baseUrl + "/");
            foreach (var alert in alerts)
            {
                // The headline in the language the alert was first published in, while that language is live.
                var lead = alert.Current.FirstOrDefault(a => a.Id == alert.Id) ?? alert.Current[0];
                xml.WriteStartElement("entry", FeedFormats.AtomNamespace);
                xml.WriteAttributeString("xml", "lang", null, lead.Language);
                AtomFeedWriter.Text(xml, "id", baseUrl + DocumentPath(alert.Id));
                AtomFeedWriter.TypedText(xml, "title", lead.Title);
                AtomFeedWriter.Text(xml, "updated", FeedFormats.Rfc3339(alert.Latest.Sent));
                AtomFeedWriter.Text(xml, "published", FeedFormats.Rfc3339(alert.Messages[0].Sent));
                AtomFeedWriter.Link(xml, "alternate", "application/xml", baseUrl + DocumentPath(alert.Id));
                AtomFeedWriter.Link(xml, "related", "text/html", baseUrl + lead.Path);
                AtomFeedWriter.TypedText(xml, "summary", lead.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    public const string IndexPath = "/cap/alerts.atom";
    public static string DocumentPath(Guid id) => $"/cap/{id:D}.xml";

    /// <summary>The index changes when an alert gets a message and when one leaves it (cancelled or expired).</summary>
    public DateTime LastModified(IReadOnlyList<CapAlert> all)
    {
        var now = Now;
        return all.Select(a => a.Latest.Type == CapMessageType.Cancel || a.IsActive(now) ? a.Latest.Sent : a.Expires)
            .DefaultIfEmpty(DateTime.UnixEpoch).Max();
    }

    /// <summary>CAP wants a globally unique sender: our host name.</summary>
    private static string Sender(string baseUrl) => new Uri(baseUrl).Host;

    private IQueryable<Advisory> Alerts() => db.Advisories.Where(a =>
        a.Kind == AdvisoryKind.Alert && (a.Status == AdvisoryStatus.Published || a.Status == AdvisoryStatus.Withdrawn));
}
