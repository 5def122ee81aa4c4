using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>CAP 1.2 documents for alert-kind advisories and the Atom index of the active ones (docs/feeds.md).</summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
public sealed class CapController(CapAlerts alerts, IOptions<SiteOptions> site) : Controller
{
    /// <summary>The latest message of an alert: Alert, then Update after each correction, Cancel once withdrawn.</summary>
    [HttpGet("/cap/{id:guid}.xml")]
    public async Task<IActionResult> Document(Guid id, CancellationToken cancellationToken)
    {
        var alert = await alerts.FindAsync(id, cancellationToken);
        if (alert is null) return NotFound();
        // Every translation's id finds the story; the address of its CAP document is the original's.
        if (alert.Id != id) return RedirectPermanent(CapAlerts.DocumentPath(alert.Id));

        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var document = await alerts.DocumentAsync(alert, baseUrl, cancellationToken);
        return this.CachedDocument(CapWriter.Write(document), CapWriter.MediaType, alert.Latest.Sent);
    }

    [HttpGet(CapAlerts.IndexPath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var all = await alerts.AllAsync(cancellationToken);
        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        return this.CachedDocument(alerts.WriteIndex(all, baseUrl), FeedFormats.AtomMediaType, alerts.LastModified(all));
    }
}
