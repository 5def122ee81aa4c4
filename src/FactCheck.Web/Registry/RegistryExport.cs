using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The registry for the people who block scams: every entry with its status history, as rows (CSV), as
/// entries (JSON), and as a STIX 2.1 bundle. See docs/registry.md for the columns and the STIX mapping.
/// </summary>
public sealed class RegistryExport(AppDbContext db)
{
    /// <summary>The export's format version, in its URLs (/registry/v1/…) and documents.</summary>
    public const string FormatVersion = "1";

    public static readonly IReadOnlyList<string> Columns =
        ["type", "value", "label", "status", "since", "until", "current", "organisation", "channel", "source_title", "source_url", "advisory_url", "entry_id"];

    public sealed record Snapshot(IReadOnlyList<RegistryEntry> Entries, DateTime LastModified, IReadOnlyDictionary<Guid, (string Language, string Slug)> Advisories);

    public async Task<Snapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.RegistryEntries.AsNoTracking().Include(e => e.History).ThenInclude(s => s.Organisation)
            .OrderBy(e => e.Type).ThenBy(e => e.Value).AsSplitQuery().ToListAsync(cancellationToken);
        var ids = entries.SelectMany(e => e.History).Select(s => s.AdvisoryId).OfType<Guid>().Distinct().ToList();
        var advisories = await db.PublishedAdvisories.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Language, a.Slug })
            .ToDictionaryAsync(a => a.Id, a => (a.Language, a.Slug), cancellationToken);
        var last = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.UpdatedAt);
        return new Snapshot(entries, DateTime.SpecifyKind(last, DateTimeKind.Utc), advisories);
    }

    public static byte[] Csv(Snapshot snapshot, string baseUrl, DateOnly today)
    {
        var csv = new StringBuilder(CsvField.Line(Columns));
        foreach (var entry in snapshot.Entries)
        {
            var current = entry.StatusOn(today);
            foreach (var status in entry.Timeline)
                csv.Append(CsvField.Line([
                    Type(entry.Type), entry.Value, entry.Label, Status(status.Status), Day(status.Since), entry.EndOf(status) is { } end ? Day(end) : null,
                    status == current ? "true" : "false", status.Organisation?.Name, status.Channel, status.SourceTitle, status.SourceUrl,
                    AdvisoryUrl(snapshot, status, baseUrl), entry.Id.ToString(CultureInfo.InvariantCulture),
                ]));
        }
        return new UTF8Encoding(false).GetBytes(csv.ToString());
    }

    public static byte[] Json(Snapshot snapshot, string baseUrl, DateOnly today)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonFeedWriter.DocumentEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("format", "factcheck-registry/" + FormatVersion);
            json.WriteString("updated", FeedFormats.Rfc3339(snapshot.LastModified));
            json.WriteStartArray("entries");
            foreach (var entry in snapshot.Entries)
            {
                json.WriteStartObject();
                json.WriteNumber("id", entry.Id);
                json.WriteString("type", Type(entry.Type));
                json.WriteString("value", entry.Value);
                json.WriteString("label", entry.Label);
                var current = entry.StatusOn(today);
                json.WriteString("status", current is null ? null : Status(current.Status));
                json.WriteString("since", current is null ? null : Day(current.Since));
                json.WriteStartArray("history");
                foreach (var status in entry.Timeline)
                {
                    json.WriteStartObject();
                    json.WriteString("status", Status(status.Status));
                    json.WriteString("since", Day(status.Since));
                    json.WriteString("until", entry.EndOf(status) is { } end ? Day(end) : null);
                    json.WriteString("organisation", status.Organisation?.Name);
                    json.WriteString("organisation_key", status.Organisation?.Key);
                    json.WriteString("channel", status.Channel);
                    json.WriteString("note", status.Note);
                    json.WriteString("source_title", status.SourceTitle);
                    json.WriteString("source_url", status.SourceUrl);
                    json.WriteString("advisory_url", AdvisoryUrl(snapshot, status, baseUrl));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// STIX 2.1: one indicator per status period worth acting on (official: benign; malicious; hijacked:
    /// compromised; disputed: anomalous-activity; abandoned: unknown), valid from the day it began until the
    /// next status, revoked when the next status cleared it (unknown or official after a warning). Phone
    /// numbers, handles and wallets have no STIX observable: their patterns use our custom object types and the
    /// value is repeated in x_factcheck_* properties (docs/registry.md).
    /// </summary>
    public static byte[] Stix(Snapshot snapshot, string baseUrl, string siteName)
    {
        var identity = StixId("identity", baseUrl);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonFeedWriter.DocumentEncoder }))
        {
            json.WriteStartObject();
            json.WriteString("type", "bundle");
            // The bundle id changes with the content, so a consumer can tell two versions apart.
            json.WriteString("id", StixId("bundle", baseUrl + "|" + FeedFormats.Rfc3339(snapshot.LastModified) + "|" + snapshot.Entries.Count));
            json.WriteStartArray("objects");

            json.WriteStartObject();
            json.WriteString("type", "identity");
            json.WriteString("spec_version", "2.1");
            json.WriteString("id", identity);
            json.WriteString("created", Timestamp(DateTime.UnixEpoch));
            json.WriteString("modified", Timestamp(DateTime.UnixEpoch));
            json.WriteString("name", siteName);
            json.WriteString("identity_class", "organization");
            json.WriteStartArray("external_references");
            json.WriteStartObject();
            json.WriteString("source_name", siteName);
            json.WriteString("url", baseUrl + "/");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();

            foreach (var entry in snapshot.Entries)
            {
                var timeline = entry.Timeline.ToList();
                for (var i = 0; i < timeline.Count; i++)
                {
                    var status = timeline[i];
                    var next = i + 1 < timeline.Count ? timeline[i + 1] : null;
                    if (IndicatorTypes(status.Status) is not { } types) continue;
                    // Two statuses on one day: the later one is what held that day.
                    if (next is not null && next.Since == status.Since) continue;
                    WriteIndicator(json, entry, status, next, types, identity, snapshot, baseUrl);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteIndicator(Utf8JsonWriter json, RegistryEntry entry, StatusRecord status, StatusRecord? next, string types, string identity,
        Snapshot snapshot, string baseUrl)
    {
        var cleared = next is { Status: ChannelStatus.Unknown or ChannelStatus.Official } && status.Status is not (ChannelStatus.Official or ChannelStatus.Abandoned);
        json.WriteStartObject();
        json.WriteString("type", "indicator");
        json.WriteString("spec_version", "2.1");
        json.WriteString("id", StixId("indicator", $"{baseUrl}|{entry.Id}|{status.Id}"));
        json.WriteString("created_by_ref", identity);
        json.WriteString("created", Timestamp(status.RecordedAt));
        json.WriteString("modified", Timestamp(new[] { status.RecordedAt, next?.RecordedAt ?? DateTime.MinValue }.Max()));
        json.WriteString("name", $"{Type(entry.Type)} {entry.Value}: {Status(status.Status)}");
        if (status.Organisation is not null)
            json.WriteString("description", $"{Status(status.Status)} channel of {status.Organisation.Name}" + (status.Channel is null ? "" : $" ({status.Channel})"));
        json.WriteStartArray("indicator_types");
        json.WriteStringValue(types);
        json.WriteEndArray();
        json.WriteString("pattern", Pattern(entry.Type, entry.Value));
        json.WriteString("pattern_type", "stix");
        json.WriteString("pattern_version", "2.1");
        json.WriteString("valid_from", Timestamp(status.Since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        if (next is not null) json.WriteString("valid_until", Timestamp(next.Since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        if (cleared) json.WriteBoolean("revoked", true);
        var references = new List<(string Name, string Url)>();
        if (AdvisoryUrl(snapshot, status, baseUrl) is { } advisory) references.Add(("factcheck-advisory", advisory));
        if (status.SourceUrl is not null) references.Add((status.SourceTitle ?? "source", status.SourceUrl));
        if (references.Count > 0)
        {
            json.WriteStartArray("external_references");
            foreach (var (name, url) in references)
            {
                json.WriteStartObject();
                json.WriteString("source_name", name);
                json.WriteString("url", url);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteString("x_factcheck_status", Status(status.Status));
        switch (entry.Type)
        {
            case IndicatorType.Phone: json.WriteString("x_factcheck_phone_number", entry.Value); break;
            case IndicatorType.Handle: json.WriteString("x_factcheck_handle", entry.Value); break;
            case IndicatorType.Wallet: json.WriteString("x_factcheck_wallet", entry.Value); break;
        }
        if (status.Organisation is not null) json.WriteString("x_factcheck_organisation", status.Organisation.Name);
        json.WriteEndObject();
    }

    private static string? IndicatorTypes(ChannelStatus status) => status switch
    {
        ChannelStatus.Official => "benign",
        ChannelStatus.Malicious => "malicious-activity",
        ChannelStatus.Hijacked => "compromised",
        ChannelStatus.Disputed => "anomalous-activity",
        ChannelStatus.Abandoned => "unknown",
        _ => null,
    };

    /// <summary>A STIX pattern comparing the value (quotes and backslashes escaped as the pattern grammar wants).</summary>
    public static string Pattern(IndicatorType type, string value)
    {
        var quoted = "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
        return type switch
        {
            IndicatorType.Url => $"[url:value = {quoted}]",
            IndicatorType.Domain => $"[domain-name:value = {quoted}]",
            IndicatorType.Email => $"[email-addr:value = {quoted}]",
            IndicatorType.Handle => $"[user-account:account_login = {quoted[..1] + quoted[2..]}]",
            IndicatorType.Phone => $"[x-factcheck-phone-number:value = {quoted}]",
            _ => $"[x-factcheck-wallet:value = {quoted}]",
        };
    }

    /// <summary>A deterministic STIX id (UUID version 5 of the name), so the same object keeps its id in every export.</summary>
    public static string StixId(string type, string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes("factcheck-stix|" + type + "|" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash.AsSpan(0, 16));
        return $"{type}--{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    private static string Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Type(IndicatorType type) => type.ToString().ToLowerInvariant();

    private static string Status(ChannelStatus status) => status.ToString().ToLowerInvariant();

    private static string? AdvisoryUrl(Snapshot snapshot, StatusRecord status, string baseUrl) =>
        status.AdvisoryId is { } id && snapshot.Advisories.TryGetValue(id, out var advisory)
            ? $"{baseUrl}/{advisory.Language}/advisories/{Uri.EscapeDataString(advisory.Slug)}"
            : null;
}
