using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactCheck;

/// <summary>
/// THE advisory as content: every field an editor or a content file can set, by value. The editor form
/// (<see cref="AdvisoryForm"/>), the content files (<see cref="AdvisoryFile"/>), revisions (as JSON) and
/// the search document (<see cref="SearchDocument"/>) all convert to and from this record, and
/// <see cref="AdvisoryWriter"/> is the one way it reaches the database. Related rows are kept by value
/// (rating and platform keys, tag and author names, indicator, source, screenshot and correction rows),
/// so a revision stays readable and restorable after the rows it referred to change.
/// Adding a field: docs/adding-a-field.md.
/// </summary>
public sealed record AdvisoryContent
{
    public AdvisoryKind Kind { get; init; }
    public string Language { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
    public string? ClaimText { get; init; }
    public string? Claimant { get; init; }
    public ClaimantKind? ClaimantKind { get; init; }
    public DateOnly? ClaimFirstSeen { get; init; }
    public List<string> ClaimAppearances { get; init; } = [];
    /// <summary>A rating key from the scale (see <see cref="Rating.Key"/>).</summary>
    public string? Rating { get; init; }
    public Severity? Severity { get; init; }
    public List<string> Steps { get; init; } = [];
    /// <summary>Platform keys, sorted.</summary>
    public List<string> Platforms { get; init; } = [];
    /// <summary>Tag names, sorted.</summary>
    public List<string> Tags { get; init; } = [];
    /// <summary>Author names, sorted.</summary>
    public List<string> Authors { get; init; } = [];
    public List<IndicatorEntry> Indicators { get; init; } = [];
    public List<SourceEntry> Sources { get; init; } = [];
    /// <summary>In page order. Images are added and removed on the screenshot pages; the texts and order travel with the content.</summary>
    public List<ScreenshotEntry> Screenshots { get; init; } = [];
    /// <summary>Dated public notes, oldest first.</summary>
    public List<CorrectionEntry> Corrections { get; init; } = [];
    public string? TranslationKey { get; init; }
    public AdvisoryStatus Status { get; init; }
    public DateTime? ScheduledFor { get; init; }
    public string? WithdrawalReason { get; init; }

    /// <param name="Normalized">Filled in by <see cref="AdvisoryWriter"/> (<see cref="IndicatorNormalizer"/>); blank in content that was only typed.</param>
    public sealed record IndicatorEntry(IndicatorType Type, string Raw, string Normalized, string? Country, DateOnly? FirstSeen, DateOnly? LastSeen);

    public sealed record SourceEntry(string Title, string Url, string? Publisher, DateOnly? AccessedOn, string? ArchiveUrl);

    /// <param name="Image">The stored image: the name of its largest fallback rendition under /media (or, in a content file, the file to import).</param>
    public sealed record ScreenshotEntry(string Image, string AltText, string? Caption);

    public sealed record CorrectionEntry(CorrectionKind Kind, string Note, DateTime PublishedAt);

    private static readonly JsonSerializerOptions json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        // Arabic and Cyrillic stay readable in the database instead of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Needs the advisory with its rating, platforms, tags, authors, indicators, sources, screenshots (with files) and corrections loaded.</summary>
    public static AdvisoryContent Of(Advisory advisory) => new()
    {
        Kind = advisory.Kind,
        Language = advisory.Language,
        Slug = advisory.Slug,
        Title = advisory.Title,
        Summary = advisory.Summary,
        Body = advisory.Body,
        ClaimText = advisory.ClaimText,
        Claimant = advisory.Claimant,
        ClaimantKind = advisory.ClaimantKind,
        ClaimFirstSeen = advisory.ClaimFirstSeen,
        ClaimAppearances = [.. advisory.ClaimAppearances],
        Rating = advisory.Rating?.Key,
        Severity = advisory.Severity,
        Steps = [.. advisory.Steps],
        Platforms = advisory.Platforms.Select(p => p.Key).Order(StringComparer.Ordinal).ToList(),
        Tags = advisory.Tags.Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
        Authors = advisory.Authors.Select(a => a.Name).Order(StringComparer.Ordinal).ToList(),
        Indicators = advisory.Indicators.OrderBy(i => i.Id == 0 ? int.MaxValue : i.Id)
            .Select(i => new IndicatorEntry(i.Type, i.Raw, i.Normalized, i.Country, i.FirstSeen, i.LastSeen)).ToList(),
        Sources = advisory.Sources.OrderBy(s => s.Position)
            .Select(s => new SourceEntry(s.Title, s.Url, s.Publisher, s.AccessedOn, s.ArchiveUrl)).ToList(),
        Screenshots = advisory.Screenshots.OrderBy(s => s.Position)
            .Select(s => new ScreenshotEntry(s.Fallback?.FileName ?? "", s.AltText, s.Caption)).ToList(),
        Corrections = advisory.Corrections.OrderBy(c => c.PublishedAt).ThenBy(c => c.Id)
            .Select(c => new CorrectionEntry(c.Kind, c.Note, c.PublishedAt)).ToList(),
        TranslationKey = advisory.TranslationKey,
        Status = advisory.Status,
        ScheduledFor = advisory.ScheduledFor,
        WithdrawalReason = advisory.WithdrawalReason,
    };

    public string ToJson() => JsonSerializer.Serialize(this, json);

    /// <summary>Equal field by field (a record's own equality compares its lists by reference).</summary>
    public bool SameAs(AdvisoryContent other) => ToJson() == other.ToJson();

    public static AdvisoryContent FromJson(string text) => JsonSerializer.Deserialize<AdvisoryContent>(text, json) ?? new AdvisoryContent();

    /// <summary>
    /// Every field as people compare them: a resource key for the field's label, and its value as text
    /// (lists one item per line). Revisions, the conflict page and the tests of "change one field,
    /// only it changes" are all generated from this one list; a test fails when a property is missing here.
    /// </summary>
    public IReadOnlyList<(string Field, string Value)> Fields() =>
    [
        ("Admin.Field.Kind", Kind.ToString()),
        ("Admin.Field.Language", Language),
        ("Admin.Field.Title", Title),
        ("Admin.Field.Slug", Slug),
        ("Admin.Field.Summary", Summary),
        ("Admin.Field.Body", Body),
        ("Admin.Field.ClaimText", ClaimText ?? ""),
        ("Admin.Field.Claimant", Claimant ?? ""),
        ("Admin.Field.ClaimantKind", ClaimantKind?.ToString() ?? ""),
        ("Admin.Field.ClaimFirstSeen", Date(ClaimFirstSeen)),
        ("Admin.Field.ClaimAppearances", string.Join('\n', ClaimAppearances)),
        ("Admin.Field.Rating", Rating ?? ""),
        ("Admin.Field.Severity", Severity?.ToString() ?? ""),
        ("Admin.Field.Steps", string.Join('\n', Steps)),
        ("Admin.Field.Platforms", string.Join('\n', Platforms)),
        ("Admin.Field.Tags", string.Join('\n', Tags)),
        ("Admin.Field.Authors", string.Join('\n', Authors)),
        ("Admin.Field.Indicators", Rows(Indicators.Select(i => new[] { i.Type.ToString(), i.Raw, i.Country, Date(i.FirstSeen), Date(i.LastSeen) }))),
        ("Admin.Field.Sources", Rows(Sources.Select(s => new[] { s.Title, s.Url, s.Publisher, Date(s.AccessedOn), s.ArchiveUrl }))),
        ("Admin.Field.Screenshots", Rows(Screenshots.Select(s => new[] { s.Image, s.AltText, s.Caption }))),
        ("Admin.Field.Corrections", Rows(Corrections.Select(c => new[] { Time(c.PublishedAt), c.Kind.ToString(), c.Note }))),
        ("Admin.Field.TranslationKey", TranslationKey ?? ""),
        ("Admin.Field.Status", Status.ToString()),
        ("Admin.Field.ScheduledFor", ScheduledFor is { } when ? Time(when) : ""),
        ("Admin.Field.WithdrawalReason", WithdrawalReason ?? ""),
    ];

    private static string Rows(IEnumerable<string?[]> rows) =>
        string.Join('\n', rows.Select(cells => string.Join(" · ", cells.Where(v => !string.IsNullOrEmpty(v)))));

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
