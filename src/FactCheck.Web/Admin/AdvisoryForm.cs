using System.Globalization;

namespace FactCheck;

/// <summary>
/// Everything the advisory editor posts, as the editor typed it. Every field is a string so that a
/// rejected value (a bad date, an invalid indicator) comes back exactly as typed, never lost to model
/// binding. <see cref="AdvisoryEditing.Validate"/> checks it; <see cref="AdvisoryEditing.ApplyAsync"/> stores it.
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
    /// <summary>A <see cref="FactCheck.ClaimantKind"/> name, or blank. (issue 13)</summary>
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

    /// <summary>The form for an existing advisory (or a revision of one, see <see cref="AdvisorySnapshot.ToForm"/>).</summary>
    public static AdvisoryForm From(AdvisorySnapshot snapshot, int version) => snapshot.ToForm(version);

    /// <summary>Leaves blank rows at the end of each list so a new indicator or source can be typed without JavaScript.</summary>
    public AdvisoryForm WithBlankRows(int indicators = 2, int sources = 1)
    {
        Indicators = [.. Indicators.Where(r => !r.Remove && !r.IsBlank), .. Enumerable.Range(0, indicators).Select(_ => new IndicatorRow())];
        Sources = [.. Sources.Where(r => !r.Remove && !r.IsBlank), .. Enumerable.Range(0, sources).Select(_ => new SourceRow())];
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
