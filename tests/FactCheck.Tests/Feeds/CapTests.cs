using System.Net;
using System.Xml.Linq;

namespace FactCheck.Tests.Feeds;

/// <summary>CAP 1.2 documents for alerts and their Atom index, served over HTTP.</summary>
public class CapTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Cap = CapWriter.Namespace;
    private static readonly XNamespace Atom = FeedFormats.AtomNamespace;

    private static readonly string[] Urgencies = ["Immediate", "Expected", "Future", "Past", "Unknown"];
    private static readonly string[] Severities = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"];
    private static readonly string[] Certainties = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"];
    private static readonly string[] Categories = ["Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other"];
    private static readonly string[] ResponseTypes = ["Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None"];
    private const string CapTime = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[-+]\d{2}:\d{2}$";

    private Task<Advisory> AddAlertAsync(string language, string key, Action<Advisory>? configure = null) =>
        FeedTestData.AddAsync(site, a =>
        {
            a.Kind = AdvisoryKind.Alert;
            a.Language = language;
            a.TranslationKey = key;
            a.Severity = Severity.High;
            a.Title = language switch { "uk" => "Фейкові боти «Резерв+»", "en" => "Fake Reserve+ bots", _ => "روبوتات مزيفة لتطبيق Reserve+" };
            configure?.Invoke(a);
        }, verdict: "fake", screenshots: 1);

    private async Task<XElement> CapAsync(Guid id)
    {
        var response = await site.Client().GetAsync(CapAlerts.DocumentPath(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    private async Task<List<string>> IndexIdsAsync()
    {
        var atom = XDocument.Parse(await site.Client().GetStringAsync(CapAlerts.IndexPath));
        return atom.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
    }

    [Fact]
    public async Task An_alert_is_a_complete_CAP_document_with_one_info_per_translation()
    {
        var key = FeedTestData.Unique("reserve");
        var arabic = await AddAlertAsync("ar", key);
        var ukrainian = await AddAlertAsync("uk", key, a => a.PublishedAt = arabic.PublishedAt!.Value.AddSeconds(1));
        await FeedTestData.AddAsync(site, a => { a.Kind = AdvisoryKind.Alert; a.Language = "en"; a.TranslationKey = key; a.Status = AdvisoryStatus.Draft; });

        var alert = await CapAsync(arabic.Id);

        Assert.Equal("alert", alert.Name.LocalName);
        foreach (var name in new[] { "identifier", "sender", "sent", "status", "msgType", "scope" })
            Assert.False(string.IsNullOrWhiteSpace(alert.Element(Cap + name)?.Value), name);
        // The Ukrainian translation came a second later: an Update to the Arabic original.
        Assert.Equal("Update", alert.Element(Cap + "msgType")!.Value);
        Assert.StartsWith(arabic.Id.ToString("D"), alert.Element(Cap + "identifier")!.Value, StringComparison.Ordinal);
        Assert.Contains($",{arabic.Id:D},", alert.Element(Cap + "references")!.Value, StringComparison.Ordinal);
        Assert.Equal("Actual", alert.Element(Cap + "status")!.Value);
        Assert.Equal("Public", alert.Element(Cap + "scope")!.Value);
        Assert.Matches(CapTime, alert.Element(Cap + "sent")!.Value);
        Assert.DoesNotMatch("[ ,<&]", alert.Element(Cap + "identifier")!.Value);

        var infos = alert.Elements(Cap + "info").ToList();
        Assert.Equal(["ar", "uk"], infos.Select(i => i.Element(Cap + "language")!.Value));
        foreach (var info in infos)
        {
            foreach (var name in new[] { "category", "event", "urgency", "severity", "certainty", "headline", "description", "instruction", "web", "expires" })
                Assert.False(string.IsNullOrWhiteSpace(info.Element(Cap + name)?.Value), name);
            Assert.Contains(info.Element(Cap + "category")!.Value, Categories);
            Assert.Equal("Security", info.Element(Cap + "category")!.Value);
            Assert.Contains(info.Element(Cap + "urgency")!.Value, Urgencies);
            Assert.Contains(info.Element(Cap + "severity")!.Value, Severities);
            Assert.Contains(info.Element(Cap + "certainty")!.Value, Certainties);
            Assert.All(info.Elements(Cap + "responseType"), r => Assert.Contains(r.Value, ResponseTypes));
            Assert.Matches(CapTime, info.Element(Cap + "expires")!.Value);
            Assert.True(Uri.IsWellFormedUriString(info.Element(Cap + "web")!.Value, UriKind.Absolute));
        }
        var arabicInfo = infos[0];
        Assert.Equal(("Severe", "Immediate", "Observed"), (arabicInfo.Element(Cap + "severity")!.Value, arabicInfo.Element(Cap + "urgency")!.Value, arabicInfo.Element(Cap + "certainty")!.Value));
        Assert.Equal("مزيف", arabicInfo.Element(Cap + "event")!.Value);
        Assert.Equal(arabic.Title, arabicInfo.Element(Cap + "headline")!.Value);
        Assert.Equal("http://localhost" + arabic.Path, arabicInfo.Element(Cap + "web")!.Value);
        Assert.StartsWith("1. " + arabic.Steps[0], arabicInfo.Element(Cap + "instruction")!.Value, StringComparison.Ordinal);
        Assert.True(long.Parse(arabicInfo.Element(Cap + "resource")!.Element(Cap + "size")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Equal(ukrainian.Title, infos[1].Element(Cap + "headline")!.Value);

        // The translation's id leads to the same alert.
        var redirect = await site.Client().GetAsync(CapAlerts.DocumentPath(ukrainian.Id));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(CapAlerts.DocumentPath(arabic.Id), redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_correction_publishes_an_Update_that_references_the_original_alert()
    {
        var alert = await AddAlertAsync("en", FeedTestData.Unique("coinbase"));
        var original = await CapAsync(alert.Id);

        await FeedTestData.AddCorrectionAsync(site, alert.Id, "The bot now also asks for a passport photo.", DateTime.UtcNow.AddSeconds(-1));
        var update = await CapAsync(alert.Id);

        Assert.Equal("Alert", original.Element(Cap + "msgType")!.Value);
        Assert.Equal("Update", update.Element(Cap + "msgType")!.Value);
        Assert.NotEqual(original.Element(Cap + "identifier")!.Value, update.Element(Cap + "identifier")!.Value);
        var references = update.Element(Cap + "references")!.Value.Split(' ');
        var expected = string.Join(',', original.Element(Cap + "sender")!.Value, original.Element(Cap + "identifier")!.Value, original.Element(Cap + "sent")!.Value);
        Assert.Contains(expected, references);
        Assert.Equal("The bot now also asks for a passport photo.", update.Element(Cap + "note")!.Value);
        Assert.Single(update.Elements(Cap + "info"));
    }

    [Fact]
    public async Task A_withdrawal_publishes_a_Cancel_and_the_alert_leaves_the_index()
    {
        var alert = await AddAlertAsync("ar", FeedTestData.Unique("withdrawn"));
        var other = await AddAlertAsync("uk", FeedTestData.Unique("still-active"));
        var original = await CapAsync(alert.Id);
        Assert.Contains("http://localhost" + CapAlerts.DocumentPath(alert.Id), await IndexIdsAsync());

        await FeedTestData.WithdrawAsync(site, alert.Id, "تبيّن أن الرسالة حقيقية");
        var cancel = await CapAsync(alert.Id);

        Assert.Equal("Cancel", cancel.Element(Cap + "msgType")!.Value);
        Assert.Contains(string.Join(',', original.Element(Cap + "sender")!.Value, original.Element(Cap + "identifier")!.Value, original.Element(Cap + "sent")!.Value),
            cancel.Element(Cap + "references")!.Value.Split(' '));
        Assert.Equal("تبيّن أن الرسالة حقيقية", cancel.Element(Cap + "note")!.Value);
        Assert.Empty(cancel.Elements(Cap + "info"));
        var index = await IndexIdsAsync();
        Assert.DoesNotContain("http://localhost" + CapAlerts.DocumentPath(alert.Id), index);
        Assert.Contains("http://localhost" + CapAlerts.DocumentPath(other.Id), index);
    }

    [Fact]
    public async Task Fact_checks_explainers_and_drafts_have_no_CAP_document()
    {
        var factCheck = await FeedTestData.AddAsync(site);
        var draft = await FeedTestData.AddAsync(site, a => { a.Kind = AdvisoryKind.Alert; a.Status = AdvisoryStatus.Draft; });

        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(CapAlerts.DocumentPath(factCheck.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync(CapAlerts.DocumentPath(draft.Id))).StatusCode);
        Assert.DoesNotContain("http://localhost" + CapAlerts.DocumentPath(draft.Id), await IndexIdsAsync());
    }

    [Fact]
    public async Task The_index_links_each_active_alert_to_its_CAP_document_and_page()
    {
        var alert = await AddAlertAsync("uk", FeedTestData.Unique("index"));

        var atom = XDocument.Parse(await site.Client().GetStringAsync(CapAlerts.IndexPath));
        var entry = atom.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == "http://localhost" + CapAlerts.DocumentPath(alert.Id));

        Assert.Equal("uk", (string?)entry.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(alert.Title, entry.Element(Atom + "title")!.Value);
        var links = entry.Elements(Atom + "link").ToDictionary(l => (string)l.Attribute("rel")!, l => (string?)l.Attribute("href"));
        Assert.Equal("http://localhost" + CapAlerts.DocumentPath(alert.Id), links["alternate"]);
        Assert.Equal("http://localhost" + alert.Path, links["related"]);
        var cap = await CapAsync(alert.Id);
        Assert.Equal(FeedFormats.Rfc3339(alert.PublishedAt!.Value.AddTicks(-(alert.PublishedAt.Value.Ticks % TimeSpan.TicksPerSecond))), entry.Element(Atom + "updated")!.Value);
        Assert.Equal("Alert", cap.Element(Cap + "msgType")!.Value);
    }
}
