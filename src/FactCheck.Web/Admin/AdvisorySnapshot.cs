using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactCheck;

/// <summary>
/// Every field of an advisory at one moment, as stored in a revision (JSON). Related rows are kept by
/// value (rating and platform keys, tag and author names, indicator and source rows), so a revision
/// stays readable and restorable after the rows it referred to change.
/// </summary>
public sealed record AdvisorySnapshot
{
    public AdvisoryKind Kind { get; init; }
    public string Language { get; init; } = "";
    public string Slug { get; init; } = "";
    public string Title { get; init; } = "";
    public string Summary { get; init; } = "";
    public string Body { get; init; } = "";
    public string? ClaimText { get; init; }
    public string? Claimant { get; init; }
    public ClaimantKind? ClaimantKind { get; init; } // issue 13: claimant kind
    public DateOnly? ClaimFirstSeen { get; init; }
    public List<string> ClaimAppearances { get; init; } = [];
    public string? Rating { get; init; }
    public Severity? Severity { get; init; }
    public List<string> Steps { get; init; } = [];
    public List<string> Platforms { get; init; } = [];
    public List<string> Tags { get; init; } = [];
    public List<string> Authors { get; init; } = [];
    public List<IndicatorEntry> Indicators { get; init; } = [];
    public List<SourceEntry> Sources { get; init; } = [];
    public string? TranslationKey { get; init; }
    public AdvisoryStatus Status { get; init; }
    public DateTime? ScheduledFor { get; init; }
    public string? WithdrawalReason { get; init; }

    public sealed record IndicatorEntry(IndicatorType Type, string Raw, string Normalized, string? Country, DateOnly? FirstSeen, DateOnly? LastSeen);

    public sealed record SourceEntry(string Title, string Url, string? Publisher, DateOnly? AccessedOn, string? ArchiveUrl);

    private static readonly JsonSerializerOptions json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        // Arabic and Cyrillic stay readable in the database instead of \u escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Needs the advisory with its rating, platforms, tags, authors, indicators and sources loaded.</summary>
    public static AdvisorySnapshot Of(Advisory advisory) => new()
    {
        Kind = advisory.Kind,
        Language = advisory.Language,
        Slug = advisory.Slug,
        Title = advisory.Title,
        Summary = advisory.Summary,
        Body = advisory.Body,
        ClaimText = advisory.ClaimText,
        Claimant = advisory.Claimant,
        ClaimantKind = advisory.ClaimantKind, // issue 13: claimant kind
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
        TranslationKey = advisory.TranslationKey,
        Status = advisory.Status,
        ScheduledFor = advisory.ScheduledFor,
        WithdrawalReason = advisory.WithdrawalReason,
    };

    public string ToJson() => JsonSerializer.Serialize(this, json);

    public static AdvisorySnapshot FromJson(string text) => JsonSerializer.Deserialize<AdvisorySnapshot>(text, json) ?? new AdvisorySnapshot();

    /// <summary>The editor form showing this snapshot, e.g. to restore a revision.</summary>
    public AdvisoryForm ToForm(int version) => new()
    {
        Version = version,
        Kind = Kind.ToString(),
        Language = Language,
        Title = Title,
        Slug = Slug,
        Summary = Summary,
        Body = Body,
        ClaimText = ClaimText,
        Claimant = Claimant,
        ClaimantKind = ClaimantKind?.ToString(), // issue 13: claimant kind
        ClaimFirstSeen = AdvisoryForm.Date(ClaimFirstSeen),
        ClaimAppearances = string.Join('\n', ClaimAppearances),
        Rating = Rating,
        Severity = Severity?.ToString(),
        Steps = string.Join('\n', Steps),
        Platforms = [.. Platforms],
        Tags = string.Join(", ", Tags),
        Authors = string.Join(", ", Authors),
        TranslationOf = TranslationKey,
        Indicators = Indicators.Select(i => new AdvisoryForm.IndicatorRow
        {
            Type = i.Type.ToString(), Value = i.Raw, Country = i.Country,
            FirstSeen = AdvisoryForm.Date(i.FirstSeen), LastSeen = AdvisoryForm.Date(i.LastSeen),
        }).ToList(),
        Sources = Sources.Select(s => new AdvisoryForm.SourceRow
        {
            Title = s.Title, Url = s.Url, Publisher = s.Publisher, AccessedOn = AdvisoryForm.Date(s.AccessedOn), ArchiveUrl = s.ArchiveUrl,
        }).ToList(),
    };

    /// <summary>
    /// The fields as people compare them: a resource key for the field's label, and its value as text
    /// (lists one item per line). Long texts are compared line by line in <see cref="TextDiff"/>.
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
        ("Admin.Field.ClaimantKind", ClaimantKind?.ToString() ?? ""), // issue 13: claimant kind
        ("Admin.Field.ClaimFirstSeen", AdvisoryForm.Date(ClaimFirstSeen)),
        ("Admin.Field.ClaimAppearances", string.Join('\n', ClaimAppearances)),
        ("Admin.Field.Rating", Rating ?? ""),
        ("Admin.Field.Severity", Severity?.ToString() ?? ""),
        ("Admin.Field.Steps", string.Join('\n', Steps)),
        ("Admin.Field.Platforms", string.Join('\n', Platforms)),
        ("Admin.Field.Tags", string.Join('\n', Tags)),
        ("Admin.Field.Authors", string.Join('\n', Authors)),
        ("Admin.Field.Indicators", string.Join('\n', Indicators.Select(i =>
            string.Join(" · ", new[] { i.Type.ToString(), i.Raw, i.Country, AdvisoryForm.Date(i.FirstSeen), AdvisoryForm.Date(i.LastSeen) }.Where(v => !string.IsNullOrEmpty(v)))))),
        ("Admin.Field.Sources", string.Join('\n', Sources.Select(s =>
            string.Join(" · ", new[] { s.Title, s.Url, s.Publisher, AdvisoryForm.Date(s.AccessedOn), s.ArchiveUrl }.Where(v => !string.IsNullOrEmpty(v)))))),
        ("Admin.Field.TranslationKey", TranslationKey ?? ""),
        ("Admin.Field.Status", Status.ToString()),
        ("Admin.Field.ScheduledFor", ScheduledFor?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? ""),
        ("Admin.Field.WithdrawalReason", WithdrawalReason ?? ""),
    ];
}
