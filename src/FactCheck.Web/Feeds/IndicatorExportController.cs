using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Every indicator of every published advisory as CSV and JSON, for blocklists and researchers.
/// Values are the normalized ones (what lookups compare), not defanged: this is data for machines.
/// </summary>
[OutputCache(PolicyName = PublicCaching.Pages, VaryByQueryKeys = [])]
public sealed class IndicatorExportController(AppDbContext db, IOptions<SiteOptions> site, TimeProvider clock) : Controller
{
    public const string CsvMediaType = "text/csv; charset=utf-8; header=present";
    public const string JsonMediaType = "application/json; charset=utf-8";
    public static readonly IReadOnlyList<string> Columns = ["type", "value", "first_seen", "last_seen", "verdict", "language", "advisory_url", "advisory_id"];

    public sealed record Row(string Type, string Value, string? FirstSeen, string? LastSeen, string? Verdict, string Language, string AdvisoryUrl, string AdvisoryId);

    [HttpGet("/indicators.csv")]
    public async Task<IActionResult> Csv(CancellationToken cancellationToken)
    {
        var (rows, lastModified) = await LoadAsync(cancellationToken);
        var csv = new StringBuilder();
        // Spreadsheet-safe (CsvField): a value that would start a formula carries a leading apostrophe; the JSON export is exact.
        csv.Append(CsvField.Line(Columns));
        foreach (var row in rows)
            csv.Append(CsvField.Line([row.Type, row.Value, row.FirstSeen, row.LastSeen, row.Verdict, row.Language, row.AdvisoryUrl, row.AdvisoryId]));
        return this.CachedDocument(new UTF8Encoding(false).GetBytes(csv.ToString()), CsvMediaType, lastModified);
    }

    [HttpGet("/indicators.json")]
    public async Task<IActionResult> Json(CancellationToken cancellationToken)
    {
        var (rows, lastModified) = await LoadAsync(cancellationToken);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonFeedWriter.DocumentEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("updated", FeedFormats.Rfc3339(lastModified));
            json.WriteStartArray("indicators");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("type", row.Type);
                json.WriteString("value", row.Value);
                json.WriteString("first_seen", row.FirstSeen);
                json.WriteString("last_seen", row.LastSeen);
                json.WriteString("verdict", row.Verdict);
                json.WriteString("language", row.Language);
                json.WriteString("advisory_url", row.AdvisoryUrl);
                json.WriteString("advisory_id", row.AdvisoryId);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return this.CachedDocument(stream.ToArray(), JsonMediaType, lastModified);
    }

    private async Task<(List<Row> Rows, DateTime LastModified)> LoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var baseUrl = AbsoluteUrls.BaseUrl(Request, site.Value);
        var indicators = await db.Indicators
            .Where(i => i.Advisory!.Status == AdvisoryStatus.Published && i.Advisory.PublishedAt != null && i.Advisory.PublishedAt <= now)
            .OrderBy(i => i.Type).ThenBy(i => i.Normalized).ThenBy(i => i.Advisory!.PublishedAt).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Type, i.Normalized, i.FirstSeen, i.LastSeen, i.AdvisoryId,
                Verdict = i.Advisory!.Kind != AdvisoryKind.Explainer && i.Advisory.Rating != null ? i.Advisory.Rating.Key : null,
                i.Advisory.Language, i.Advisory.Slug,
            })
            .ToListAsync(cancellationToken);
        var rows = indicators.Select(i => new Row(
            i.Type.ToString().ToLowerInvariant(), i.Normalized,
            i.FirstSeen is { } first ? FeedFormats.IsoDate(first) : null,
            i.LastSeen is { } last ? FeedFormats.IsoDate(last) : null,
            i.Verdict, i.Language,
            $"{baseUrl}/{i.Language}/advisories/{Uri.EscapeDataString(i.Slug)}",
            i.AdvisoryId.ToString("D"))).ToList();

        // Publishing, editing and withdrawing all change the export.
        var visible = db.Advisories.Where(a => a.Status == AdvisoryStatus.Published || a.Status == AdvisoryStatus.Withdrawn);
        var updated = await visible.Where(a => a.UpdatedAt <= now).MaxAsync(a => (DateTime?)a.UpdatedAt, cancellationToken);
        var published = await visible.Where(a => a.PublishedAt <= now).MaxAsync(a => a.PublishedAt, cancellationToken);
        var withdrawn = await visible.Where(a => a.WithdrawnAt <= now).MaxAsync(a => a.WithdrawnAt, cancellationToken);
        var lastModified = new[] { updated, published, withdrawn }.Max() ?? DateTime.UnixEpoch;
        return (rows, DateTime.SpecifyKind(lastModified, DateTimeKind.Utc));
    }
}
