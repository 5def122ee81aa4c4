using System.Globalization;

namespace FactCheck;

/// <summary>
/// Everything the advisory editor posts, as the editor typed it. Every field is a string so that a
/// rejected value (a bad date, an invalid indicator) comes back exactly as typed, never lost to model
/// binding. <see cref="ToContent"/> turns it into the <see cref="AdvisoryContent"/> that
/// <see cref="AdvisoryEditing"/> checks and <see cref="AdvisoryWriter"/> stores.
/// </summary>
public sealed class AdvisoryForm
{
    /// <summary>The advisory version the editor started from (optimistic concurrency).</summary>
    public int Version { get; set; }
    public string? Kind { get; set; }
    public string? Language { get; set; }
    public string? Title { get; set; }
    /// <summary>Blank: generated from the title.</summary>
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public string? ClaimText { get; set; }
    public string? Claimant { get; set; }
    /// <summary>A <see cref="FactCheck.ClaimantKind"/> name, or blank.</summary>
    public string? ClaimantKind { get; set; }
    public string? ClaimFirstSeen { get; set; }
    /// <summary>One URL per line.</summary>
    public string? ClaimAppearances { get; set; }
    /// <summary>A rating key from the scale, or blank.</summary>
    public string? Rating { get; set; }
    public string? Severity { get; set; }
    /// <summary>One step per line.</summary>
    public string? Steps { get; set; }
    public List<string> Platforms { get; set; } = [];
    /// <summary>Comma-separated (Arabic commas too).</summary>
    public string? Tags { get; set; }
    public string? Authors { get; set; }
    /// <summary>The id of an advisory in another language telling the same story, or blank.</summary>
    public string? TranslationOf { get; set; }
    public List<IndicatorRow> Indicators { get; set; } = [];
    public List<SourceRow> Sources { get; set; } = [];

    /// <summary>For a published advisory: "minor", "correction" or "update".</summary>
    public string? ChangeKind { get; set; }
    public string? CorrectionNote { get; set; }

    public sealed class IndicatorRow
    {
        public string? Type { get; set; }
        public string? Value { get; set; }
        public string? Country { get; set; }
        public string? FirstSeen { get; set; }
        public string? LastSeen { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Country) &&
                               string.IsNullOrWhiteSpace(FirstSeen) && string.IsNullOrWhiteSpace(LastSeen);
    }

    public sealed class SourceRow
    {
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Publisher { get; set; }
        public string? AccessedOn { get; set; }
        public string? ArchiveUrl { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Url) &&
                               string.IsNullOrWhiteSpace(Publisher) && string.IsNullOrWhiteSpace(AccessedOn) && string.IsNullOrWhiteSpace(ArchiveUrl);
    }

    /// <summary>Rows the editor kept (not ticked for removal, not left blank).</summary>
    public IEnumerable<(int Index, IndicatorRow Row)> KeptIndicators =>
        Indicators.Select((row, index) => (index, row)).Where(r => !r.row.Remove && !r.row.IsBlank);

    public IEnumerable<(int Index, SourceRow Row)> KeptSources =>
        Sources.Select((row, index) => (index, row)).Where(r => !r.row.Remove && !r.row.IsBlank);

    /// <summary>The editor form showing <paramref name="content"/> (an advisory, or a revision of one to restore).</summary>
    public static AdvisoryForm From(AdvisoryContent content, int version) => new()
    {
        Version = version,
        Kind = content.Kind.ToString(),
        Language = content.Language,
        Title = content.Title,
        Slug = content.Slug,
        Summary = content.Summary,
        Body = content.Body,
        ClaimText = content.ClaimText,
        Claimant = content.Claimant,
        ClaimantKind = content.ClaimantKind?.ToString(),
        ClaimFirstSeen = Date(content.ClaimFirstSeen),
        ClaimAppearances = string.Join('\n', content.ClaimAppearances),
        Rating = content.Rating,
        Severity = content.Severity?.ToString(),
        Steps = string.Join('\n', content.Steps),
        Platforms = [.. content.Platforms],
        Tags = string.Join(", ", content.Tags),
        Authors = string.Join(", ", content.Authors),
        TranslationOf = content.TranslationKey,
        Indicators = content.Indicators.Select(i => new IndicatorRow
        {
            Type = i.Type.ToString(), Value = i.Raw, Country = i.Country, FirstSeen = Date(i.FirstSeen), LastSeen = Date(i.LastSeen),
        }).ToList(),
        Sources = content.Sources.Select(s => new SourceRow
        {
            Title = s.Title, Url = s.Url, Publisher = s.Publisher, AccessedOn = Date(s.AccessedOn), ArchiveUrl = s.ArchiveUrl,
        }).ToList(),
    };

    /// <summary>
    /// The content this form makes of <paramref name="current"/>: the fields the form has replace those of
    /// the stored advisory, everything else (screenshots, corrections, status) is carried over unchanged.
    /// Values that cannot even be read (a date that is no date, an unknown kind) are reported as problems;
    /// the content then holds a blank in their place. Problems name the form's inputs, so rows keep the
    /// index they have in the form even when blank or removed rows come before them.
    /// </summary>
    public (AdvisoryContent Content, List<ContentProblem> Problems) ToContent(AdvisoryContent current)
    {
        var problems = new List<ContentProblem>();
        DateOnly? ReadDate(string field, string? value)
        {
            if (Blank(value) is null) return null;
            if (ParseDate(value) is { } date) return date;
            problems.Add(new(field, "Admin.Editor.Error.Date"));
            return null;
        }
        T? ReadEnum<T>(string field, string? value, string message) where T : struct, Enum
        {
            if (Blank(value) is null) return null;
            if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)) return parsed;
            problems.Add(new(field, message));
            return null;
        }

        var kind = ReadEnum<AdvisoryKind>(nameof(Kind), Kind, "Admin.Editor.Error.Kind");
        if (kind is null && Blank(Kind) is null) problems.Add(new(nameof(Kind), "Admin.Editor.Error.Kind"));
        var indicators = new List<AdvisoryContent.IndicatorEntry>();
        var indicatorRows = new List<int>();
        foreach (var (index, row) in KeptIndicators)
        {
            var field = $"Indicators[{index}]";
            var type = ReadEnum<IndicatorType>(field + ".Type", row.Type, "Admin.Editor.Error.Choice");
            var firstSeen = ReadDate(field + ".FirstSeen", row.FirstSeen);
            var lastSeen = ReadDate(field + ".LastSeen", row.LastSeen);
            if (type is null) continue;
            var raw = row.Value?.Trim() ?? "";
            var country = Blank(row.Country)?.ToUpperInvariant();
            indicators.Add(new(type.Value, raw, IndicatorNormalizer.Normalize(type.Value, raw, country).Value ?? "", country, firstSeen, lastSeen));
            indicatorRows.Add(index);
        }
        var sources = new List<AdvisoryContent.SourceEntry>();
        var sourceRows = new List<int>();
        foreach (var (index, row) in KeptSources)
        {
            var accessed = ReadDate($"Sources[{index}].AccessedOn", row.AccessedOn);
            sources.Add(new(row.Title?.Trim() ?? "", row.Url?.Trim() ?? "", Blank(row.Publisher), accessed, Blank(row.ArchiveUrl)));
            sourceRows.Add(index);
        }

        var title = Title?.Trim() ?? "";
        var content = current with
        {
            Kind = kind ?? current.Kind,
            Language = Language?.Trim() ?? "",
            Title = title,
            // Blank: made from the title (AdvisoryWriter finds a free one when it is taken).
            Slug = Blank(Slug) ?? SlugRules.FromTitle(title),
            Summary = Summary?.Trim() ?? "",
            Body = Newlines(Body ?? ""),
            ClaimText = Blank(Newlines(ClaimText ?? "")),
            Claimant = Blank(Claimant),
            ClaimantKind = ReadEnum<ClaimantKind>(nameof(ClaimantKind), ClaimantKind, "Admin.Editor.Error.Choice"),
            ClaimFirstSeen = ReadDate(nameof(ClaimFirstSeen), ClaimFirstSeen),
            ClaimAppearances = Lines(ClaimAppearances),
            Rating = Blank(Rating),
            Severity = ReadEnum<Severity>(nameof(Severity), Severity, "Admin.Editor.Error.Choice"),
            Steps = Lines(Steps),
            Platforms = Platforms.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Tags = CommaList(Tags).Order(StringComparer.Ordinal).ToList(),
            Authors = CommaList(Authors).Order(StringComparer.Ordinal).ToList(),
            Indicators = indicators,
            Sources = sources,
            TranslationKey = Blank(TranslationOf),
        };
        // A slug made from the title is the title's problem, not the (blank) address field's.
        var blankSlug = Blank(Slug) is null;
        foreach (var problem in AdvisoryRules.Check(content, forReaders: false))
            problems.Add(problem switch
            {
                { Field: var f } when f.StartsWith("Indicators[", StringComparison.Ordinal) && RowIndex(f) is { } i && i < indicatorRows.Count =>
                    problem with { Field = $"Indicators[{indicatorRows[i]}]" + f[f.IndexOf(']', StringComparison.Ordinal)..][1..] },
                { Field: var f } when f.StartsWith("Sources[", StringComparison.Ordinal) && RowIndex(f) is { } i && i < sourceRows.Count =>
                    problem with { Field = $"Sources[{sourceRows[i]}]" + f[f.IndexOf(']', StringComparison.Ordinal)..][1..] },
                { Field: nameof(Slug) } when blankSlug => problem with { Message = "Admin.Editor.Error.SlugFromTitle" },
                _ => problem,
            });
        return (content, problems);

        static int? RowIndex(string field) =>
            int.TryParse(field.AsSpan(field.IndexOf('[') + 1, field.IndexOf(']') - field.IndexOf('[') - 1), out var i) ? i : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Browsers post textarea lines with CRLF; stored text uses LF.</summary>
    internal static string Newlines(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    internal static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Leaves blank rows at the end of each list so a new indicator or source can be typed without JavaScript.</summary>
    public AdvisoryForm WithBlankRows(int indicators = 2, int sources = 1)
    {
        Indicators = [.. Indicators.Where(r => !r.Remove && !r.IsBlank), .. Enumerable.Range(0, indicators).Select(_ => new IndicatorRow())];
        Sources = [.. Sources.Where(r => !r.Remove && !r.IsBlank), .. Enumerable.Range(0, sources).Select(_ => new SourceRow())];
        return this;
    }

    /// <summary>
    /// The form sent back with its errors: every row stays where it was typed (errors name rows by their
    /// position, "Indicators[3].Value"), rows ticked for removal stay ticked, and one blank row follows.
    /// </summary>
    public AdvisoryForm AsTyped()
    {
        if (Indicators.Count == 0 || !Indicators[^1].IsBlank) Indicators.Add(new IndicatorRow());
        if (Sources.Count == 0 || !Sources[^1].IsBlank) Sources.Add(new SourceRow());
        return this;
    }

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Splits a list typed one per line.</summary>
    internal static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Splits a comma-separated list; the Arabic comma (،) counts as a comma.</summary>
    internal static List<string> CommaList(string? text) =>
        (text ?? "").Split([',', '،'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
