using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FactCheck;

/// <summary>
/// An advisory file: YAML front matter between two "---" lines, then the Markdown body (content/README.md).
/// <see cref="Read"/> turns it into <see cref="AdvisoryContent"/> and <see cref="Write"/> back; checking the
/// content is <see cref="AdvisoryRules"/>' job, as for the editor.
/// </summary>
public sealed class AdvisoryFile
{
    public required FrontMatter Meta { get; init; }
    public required string Body { get; init; }
    public required string FileName { get; init; }
    /// <summary>Front-matter text, kept to point error messages at the right line.</summary>
    private string[] lines = [];

    private static readonly IDeserializer yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    private static readonly ISerializer yamlWriter = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    private static readonly Dictionary<AdvisoryKind, string> kinds = new()
    {
        [AdvisoryKind.FactCheck] = "fact-check", [AdvisoryKind.Alert] = "alert", [AdvisoryKind.Explainer] = "explainer",
    };

    private static readonly Dictionary<ClaimantKind, string> claimantKinds = new()
    {
        [ClaimantKind.Person] = "person", [ClaimantKind.Organization] = "organization", [ClaimantKind.PlatformAccounts] = "platform-accounts",
    };

    private static readonly Dictionary<AdvisoryStatus, string> statuses = new()
    {
        [AdvisoryStatus.Draft] = "draft", [AdvisoryStatus.InReview] = "in-review", [AdvisoryStatus.Scheduled] = "scheduled",
        [AdvisoryStatus.Published] = "published", [AdvisoryStatus.Withdrawn] = "withdrawn",
    };

    /// <summary>
    /// The content this file describes, with its id and dates. <paramref name="platformKey"/> turns a platform
    /// as the file names it ("WhatsApp") into its key. Values that cannot be read (an unknown kind, a date
    /// that is no date) are reported with their lines; checking what was read is <see cref="AdvisoryRules"/>'.
    /// </summary>
    public (AdvisoryContent Content, FileFacts Facts, List<ContentError> Errors) Read(Func<string, string> platformKey)
    {
        var errors = new List<ContentError>();
        void Fail(string key, string message, string? containing = null) => errors.Add(Error(key, message, containing));
        DateOnly? Date(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return parsed;
            Fail(key, $"'{key}' value '{value}' is not a date (use 2025-03-14)", value);
            return null;
        }
        DateTime? Time(string? value, string key)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) return parsed.UtcDateTime;
            Fail(key, $"'{key}' value '{value}' is not a date and time (use 2025-03-14T09:30:00Z)", value);
            return null;
        }
        T? Named<T>(Dictionary<T, string> names, string? value, string key, string? fallback) where T : struct, Enum
        {
            var wanted = value?.Trim() ?? fallback;
            if (names.FirstOrDefault(n => n.Value == wanted) is { Value: not null } found) return found.Key;
            Fail(key, $"'{key}' must be {string.Join(", ", names.Values)}, not '{value}'");
            return null;
        }
        static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        if (!Guid.TryParse(Meta.Id, out var id)) Fail("id", "'id' must be a UUID, e.g. 3d0c7e62-4b8a-4b8e-9a51-0f3e8b1c2a10");
        var kind = Named(kinds, Meta.Kind, "kind", null);
        var status = Named(statuses, Meta.Status, "status", "published");
        var claimantKind = string.IsNullOrWhiteSpace(Meta.Claim?.ClaimantKind) ? null : Named(claimantKinds, Meta.Claim.ClaimantKind, "claim.claimant_kind", null);
        var published = Time(Meta.Published, "published");
        if (string.IsNullOrWhiteSpace(Meta.Published) && status is AdvisoryStatus.Published or AdvisoryStatus.Withdrawn)
            Fail("published", "'published' (a date and time such as 2025-03-14T09:30:00Z) is required for this status");
        var scheduled = Time(Meta.Scheduled, "scheduled") ?? (status == AdvisoryStatus.Scheduled ? published : null);
        if (scheduled is null && status == AdvisoryStatus.Scheduled)
            Fail("scheduled", "'scheduled' (when to publish, such as 2025-03-14T09:30:00Z) is required for a scheduled advisory");

        Severity? severity = null;
        if (!string.IsNullOrWhiteSpace(Meta.Severity))
        {
            if (Enum.TryParse<Severity>(Meta.Severity, ignoreCase: true, out var parsed) && char.IsLetter(Meta.Severity[0]) && Enum.IsDefined(parsed)) severity = parsed;
            else Fail("severity", $"'severity' must be low, medium, high or critical, not '{Meta.Severity}'");
        }

        var indicators = new List<AdvisoryContent.IndicatorEntry>();
        foreach (var item in Meta.Indicators)
        {
            if (!Enum.TryParse<IndicatorType>(item.Type, ignoreCase: true, out var type) || !char.IsLetter(item.Type![0]) || !Enum.IsDefined(type))
            {
                Fail("type", $"indicator type must be phone, url, domain, email, handle or wallet, not '{item.Type}'", item.Type);
                continue;
            }
            var raw = item.Value?.Trim() ?? "";
            var country = Blank(item.Country)?.ToUpperInvariant();
            indicators.Add(new(type, raw, IndicatorNormalizer.Normalize(type, raw, country).Value ?? "", country,
                Date(item.FirstSeen, "first_seen"), Date(item.LastSeen, "last_seen")));
        }

        var corrections = new List<AdvisoryContent.CorrectionEntry>();
        foreach (var item in Meta.Corrections)
        {
            var date = Time(item.Date, "date");
            var correctionKind = item.Kind switch { null or "correction" => CorrectionKind.Correction, "update" => CorrectionKind.Update, _ => (CorrectionKind?)null };
            if (correctionKind is null) Fail("kind", $"a correction's kind must be correction or update, not '{item.Kind}'", item.Kind);
            if (date is null && string.IsNullOrWhiteSpace(item.Date)) Fail("corrections", "every correction needs a 'date'");
            if (date is not null && correctionKind is not null) corrections.Add(new(correctionKind.Value, item.Note?.Trim() ?? "", date.Value));
        }

        foreach (var shot in Meta.Screenshots.Where(s => string.IsNullOrWhiteSpace(s.File)))
            Fail("screenshots", "every screenshot needs a 'file'");

        var title = Meta.Title?.Trim() ?? "";
        var content = new AdvisoryContent
        {
            Kind = kind ?? AdvisoryKind.FactCheck,
            Language = Meta.Language?.Trim() ?? "",
            Title = title,
            Slug = Blank(Meta.Slug) ?? SlugRules.FromTitle(title),
            Summary = Meta.Summary?.Trim() ?? "",
            Body = Body,
            ClaimText = Blank(Meta.Claim?.Text),
            Claimant = Blank(Meta.Claim?.Claimant),
            ClaimantKind = claimantKind,
            ClaimFirstSeen = Date(Meta.Claim?.FirstSeen, "claim.first_seen"),
            ClaimAppearances = Meta.Claim?.Appearances.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).ToList() ?? [],
            Rating = Blank(Meta.Verdict),
            Severity = severity,
            Steps = Meta.Steps.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList(),
            Platforms = Meta.Platforms.Select(p => p.Trim()).Where(p => p.Length > 0).Select(platformKey).Distinct().Order(StringComparer.Ordinal).ToList(),
            Tags = Names(Meta.Tags),
            Authors = Names(Meta.Authors),
            Indicators = indicators,
            Sources = Meta.Sources.Select(s => new AdvisoryContent.SourceEntry(s.Title?.Trim() ?? "", s.Url?.Trim() ?? "", Blank(s.Publisher),
                Date(s.Accessed, "accessed"), Blank(s.ArchiveUrl))).ToList(),
            Screenshots = Meta.Screenshots.Where(s => !string.IsNullOrWhiteSpace(s.File))
                .Select(s => new AdvisoryContent.ScreenshotEntry(s.File!.Trim(), s.Alt?.Trim() ?? "", Blank(s.Caption))).ToList(),
            Corrections = corrections.OrderBy(c => c.PublishedAt).ToList(),
            TranslationKey = Blank(Meta.TranslationKey),
            Status = status ?? AdvisoryStatus.Published,
            ScheduledFor = status == AdvisoryStatus.Scheduled ? scheduled : null,
            WithdrawalReason = Blank(Meta.WithdrawalReason),
        };
        return (content, new FileFacts(id, published, Time(Meta.Updated, "updated")), errors);

        static List<string> Names(IEnumerable<string> names) =>
            names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The file for <paramref name="content"/>: what <see cref="Read"/> reads back as the same content.
    /// Screenshots are named as <c>screenshots/{image}</c>; <paramref name="platformName"/> names a platform by its key.
    /// </summary>
    public static string Write(AdvisoryContent content, FileFacts facts, Func<string, string> platformName)
    {
        static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Seconds as people write them; fractions only when stored (so that importing it again gives the very same time).
        static string? Time(DateTime? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        var meta = new FrontMatter
        {
            Id = facts.Id.ToString(),
            Kind = kinds[content.Kind],
            Language = content.Language,
            Slug = content.Slug,
            Title = content.Title,
            Summary = content.Summary,
            Status = statuses[content.Status],
            Published = Time(facts.Published),
            Updated = Time(facts.Updated),
            Scheduled = Time(content.ScheduledFor),
            Authors = content.Authors,
            TranslationKey = content.TranslationKey,
            Verdict = content.Rating,
            Severity = content.Severity?.ToString().ToLowerInvariant(),
            Claim = content.ClaimText is null && content.Claimant is null && content.ClaimantKind is null && content.ClaimFirstSeen is null && content.ClaimAppearances.Count == 0 ? null : new ClaimYaml
            {
                Text = content.ClaimText, Claimant = content.Claimant, FirstSeen = Date(content.ClaimFirstSeen), Appearances = content.ClaimAppearances,
                ClaimantKind = content.ClaimantKind is { } kind ? claimantKinds[kind] : null,
            },
            Platforms = content.Platforms.Select(platformName).ToList(),
            Tags = content.Tags,
            Indicators = content.Indicators.Select(i => new IndicatorYaml
            {
                Type = i.Type.ToString().ToLowerInvariant(), Value = i.Raw, Country = i.Country, FirstSeen = Date(i.FirstSeen), LastSeen = Date(i.LastSeen),
            }).ToList(),
            Steps = content.Steps,
            Sources = content.Sources.Select(s => new SourceYaml
            {
                Title = s.Title, Url = s.Url, Publisher = s.Publisher, Accessed = Date(s.AccessedOn), ArchiveUrl = s.ArchiveUrl,
            }).ToList(),
            Screenshots = content.Screenshots.Select(s => new ScreenshotYaml { File = "screenshots/" + s.Image, Alt = s.AltText, Caption = s.Caption }).ToList(),
            Corrections = content.Corrections.Select(c => new CorrectionYaml
            {
                Date = Time(c.PublishedAt), Kind = c.Kind.ToString().ToLowerInvariant(), Note = c.Note,
            }).ToList(),
            WithdrawalReason = content.WithdrawalReason,
        };
        return "---\n" + yamlWriter.Serialize(meta) + "---\n" + content.Body + "\n";
    }

    /// <summary>The front-matter key a content field is written under, to point a problem at its line.</summary>
    public static string KeyOf(string field) => field.Split('[', '.')[0] switch
    {
        "Slug" => "slug", "Title" => "title", "Summary" => "summary", "Kind" => "kind", "Language" => "language",
        "ClaimText" => "claim.text", "Claimant" => "claim.claimant", "ClaimantKind" => "claim.claimant_kind", "ClaimFirstSeen" => "claim.first_seen", "ClaimAppearances" => "claim.appearances",
        "Rating" => "verdict", "Severity" => "severity", "Steps" => "steps", "Platforms" => "platforms", "Tags" => "tags", "Authors" => "authors",
        "Indicators" => "indicators", "Sources" => "sources", "Screenshots" => "screenshots", "Corrections" => "corrections",
        "TranslationKey" => "translation_key", "WithdrawalReason" => "withdrawal_reason",
        var other => other.ToLowerInvariant(),
    };

    /// <summary>Parses the file, or returns the first problem with its line number.</summary>
    public static (AdvisoryFile? File, ContentError? Error) Parse(string fileName, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var all = text.Split('\n');
        if (all.Length == 0 || all[0].TrimEnd() != "---")
            return (null, new(fileName, 1, "the file must start with a '---' line opening the front matter"));
        var close = Array.FindIndex(all, 1, l => l.TrimEnd() == "---");
        if (close < 0)
            return (null, new(fileName, all.Length, "the front matter is not closed with a '---' line"));

        var frontMatter = string.Join('\n', all[1..close]);
        FrontMatter? meta;
        try
        {
            meta = yaml.Deserialize<FrontMatter>(frontMatter);
        }
        catch (YamlException e)
        {
            // YAML lines are counted from the line after the opening '---'.
            var message = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            return (null, new(fileName, (int)e.Start.Line + 1, "front matter: " + Plain(message)));
        }
        if (meta is null)
            return (null, new(fileName, 2, "the front matter is empty"));

        return (new AdvisoryFile
        {
            Meta = meta,
            Body = string.Join('\n', all[(close + 1)..]).Trim('\n'),
            FileName = fileName,
            lines = all[..close],
        }, null);
    }

    /// <summary>The line of a front-matter key ("claim.first_seen" finds "first_seen:" after "claim:"), or 1.</summary>
    public int LineOf(string key, string? containing = null)
    {
        var start = 0;
        foreach (var part in key.Split('.'))
        {
            var found = Array.FindIndex(lines, start, l =>
                l.TrimStart(' ', '-').StartsWith(part + ":", StringComparison.Ordinal) &&
                (containing is null || l.Contains(containing, StringComparison.Ordinal)));
            if (found < 0) found = Array.FindIndex(lines, start, l => l.TrimStart(' ', '-').StartsWith(part + ":", StringComparison.Ordinal));
            if (found < 0) return start + 1;
            start = found;
        }
        return start + 1;
    }

    public ContentError Error(string key, string message, string? containing = null) =>
        new(FileName, LineOf(key, containing), message);

    private static string Plain(string message) =>
        message.Replace("(Lin:", "(line", StringComparison.Ordinal);

    public sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Kind { get; set; }
        public string? Language { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Status { get; set; }
        public string? Published { get; set; }
        public string? Updated { get; set; }
        /// <summary>For a scheduled advisory: when it is published.</summary>
        public string? Scheduled { get; set; }
        public List<string> Authors { get; set; } = [];
        public string? TranslationKey { get; set; }
        public string? Verdict { get; set; }
        public string? Severity { get; set; }
        public ClaimYaml? Claim { get; set; }
        public List<string> Platforms { get; set; } = [];
        public List<string> Tags { get; set; } = [];
        public List<IndicatorYaml> Indicators { get; set; } = [];
        public List<string> Steps { get; set; } = [];
        public List<SourceYaml> Sources { get; set; } = [];
        public List<ScreenshotYaml> Screenshots { get; set; } = [];
        public List<CorrectionYaml> Corrections { get; set; } = [];
        public string? WithdrawalReason { get; set; }
    }

    public sealed class ClaimYaml
    {
        public string? Text { get; set; }
        public string? Claimant { get; set; }
        /// <summary>person, organization or platform-accounts.</summary>
        public string? ClaimantKind { get; set; }
        public string? FirstSeen { get; set; }
        public List<string> Appearances { get; set; } = [];
    }

    public sealed class IndicatorYaml
    {
        public string? Type { get; set; }
        public string? Value { get; set; }
        public string? Country { get; set; }
        public string? FirstSeen { get; set; }
        public string? LastSeen { get; set; }
    }

    public sealed class SourceYaml
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public string? Accessed { get; set; }
        public string? ArchiveUrl { get; set; }
    }

    public sealed class ScreenshotYaml
    {
        public string? File { get; set; }
        public string? Alt { get; set; }
        public string? Caption { get; set; }
    }

    public sealed class CorrectionYaml
    {
        public string? Date { get; set; }
        public string? Kind { get; set; }
        public string? Note { get; set; }
    }
}
