using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>/registry/v1/entries.csv, entries.json and stix.json: public, cacheable, with ETags and Last-Modified.</summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
public sealed class RegistryExportController(RegistryExport export, IOptions<SiteOptions> site, TimeProvider clock) : Controller
{
    private const string Base = "/registry/v" + RegistryExport.FormatVersion;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [HttpGet(Base + "/entries.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var snapshot = await export.LoadAsync(cancellationToken);
        return this.CachedDocument(RegistryExport.Csv(snapshot, AbsoluteUrls.BaseUrl(Request, site.Value), Today), IndicatorExportController.CsvMediaType, snapshot.LastModified);
    }

    [HttpGet(Base + "/entries.json")]
    public async Task<IActionResult> Json(CancellationToken cancellationToken)
    {
        var snapshot = await export.LoadAsync(cancellationToken);
        return this.CachedDocument(RegistryExport.Json(snapshot, AbsoluteUrls.BaseUrl(Request, site.Value), Today), IndicatorExportController.JsonMediaType, snapshot.LastModified);
    }

    [HttpGet(Base + "/stix.json")]
    public async Task<IActionResult> Stix(CancellationToken cancellationToken)
    {
        var snapshot = await export.LoadAsync(cancellationToken);
        return this.CachedDocument(RegistryExport.Stix(snapshot, AbsoluteUrls.BaseUrl(Request, site.Value), site.Value.Name),
            "application/stix+json; charset=utf-8; version=2.1", snapshot.LastModified);
    }
}
