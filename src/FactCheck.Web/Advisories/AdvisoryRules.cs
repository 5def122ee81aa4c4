namespace FactCheck;

/// <summary>
/// The one set of rules for an advisory's content: lengths, allowed values and what each kind needs.
/// The EF configuration takes its column lengths from here, the editor's inputs their maxlength, and
/// both the back-office (<see cref="AdvisoryEditing"/>) and the importer (<see cref="ContentImporter"/>)
/// check content with <see cref="Check"/> before <see cref="AdvisoryWriter"/> stores it.
/// </summary>
public static class AdvisoryRules
{
    public const int TitleMax = 300;
    public const int SummaryMax = 1000;
    public const int BodyMax = 200_000;
    public const int ClaimTextMax = 1000;
    public const int ClaimantMax = 300;
    public const int UrlMax = 2000;
    public const int AppearancesMax = 30;
    public const int StepsMax = 30;
    public const int StepMax = 500;
    public const int NamesMax = 30;
    public const int TagMax = 100;
    public const int AuthorMax = 200;
    public const int IndicatorsMax = 200;
    public const int IndicatorMax = 500;
    public const int SourcesMax = 100;
    public const int SourceTitleMax = 500;
    public const int PublisherMax = 200;
    public const int AltTextMax = 1000;
    public const int CaptionMax = 1000;
    public const int NoteMax = 4000;
    public const int TranslationKeyMax = 100;
    public const int WithdrawalReasonMax = 1000;

    /// <summary>
    /// Everything wrong with <paramref name="content"/> that can be told without the database (which
    /// rating keys and platforms exist, and whether a slug is free, are <see cref="AdvisoryWriter.CheckAsync"/>'s).
    /// Drafts may be incomplete; <paramref name="forReaders"/> adds what an advisory needs before readers see it.
    /// </summary>
    public static List<ContentProblem> Check(AdvisoryContent content, bool forReaders)
    {
        var problems = new List<ContentProblem>();
        void Add(string field, string message, params object[] arguments) => problems.Add(new(field, message, arguments));
        void Text(string field, string? value, int max, bool required, bool multiline)
        {
            if (string.IsNullOrWhiteSpace(value)) { if (required) Add(field, "Admin.Editor.Error.Required"); }
            else if (value.Length > max) Add(field, "Admin.Editor.Error.TooLong", max);
            else if (HasControl(value, multiline)) Add(field, "Admin.Editor.Error.Control");
        }
        void Url(string field, string? value, bool required)
        {
            if (string.IsNullOrWhiteSpace(value) ? required : !IsWebUrl(value)) Add(field, "Admin.Editor.Error.Url");
        }

        if (!Enum.IsDefined(content.Kind)) Add(nameof(content.Kind), "Admin.Editor.Error.Kind");
        if (SiteLanguage.Find(content.Language) is not { } language || language.Code != content.Language)
            Add(nameof(content.Language), "Admin.Editor.Error.Language");
        Text(nameof(content.Title), content.Title, TitleMax, required: true, multiline: false);
        if (!(string.IsNullOrWhiteSpace(content.Title) && content.Slug.Length == 0) && SlugRules.Problem(content.Slug) is not null)
            Add(nameof(content.Slug), "Admin.Editor.Error.Slug");
        Text(nameof(content.Summary), content.Summary, SummaryMax, required: true, multiline: true);
        Text(nameof(content.Body), content.Body, BodyMax, required: forReaders, multiline: true);
        Text(nameof(content.ClaimText), content.ClaimText, ClaimTextMax, required: forReaders && content.Kind == AdvisoryKind.FactCheck, multiline: true);
        Text(nameof(content.Claimant), content.Claimant, ClaimantMax, required: false, multiline: false);
        if (content.ClaimAppearances.Count > AppearancesMax || content.ClaimAppearances.Any(u => !IsWebUrl(u)))
            Add(nameof(content.ClaimAppearances), "Admin.Editor.Error.Url");

        if (content.Kind == AdvisoryKind.Explainer && content.Rating is not null) Add(nameof(content.Rating), "Admin.Editor.Error.ExplainerVerdict");
        else if (forReaders && content.Kind == AdvisoryKind.FactCheck && content.Rating is null) Add(nameof(content.Rating), "Admin.Editor.Error.VerdictRequired");
        if (content.Severity is { } severity && !Enum.IsDefined(severity)) Add(nameof(content.Severity), "Admin.Editor.Error.Choice");
        if (content.ClaimantKind is { } claimantKind && !Enum.IsDefined(claimantKind)) Add(nameof(content.ClaimantKind), "Admin.Editor.Error.Choice");

        if (content.Steps.Count > StepsMax || content.Steps.Any(s => s.Length > StepMax || HasControl(s, multiline: false)))
            Add(nameof(content.Steps), "Admin.Editor.Error.Steps");
        Names(nameof(content.Tags), content.Tags, TagMax);
        Names(nameof(content.Authors), content.Authors, AuthorMax);

        foreach (var (row, i) in content.Indicators.Select((r, i) => (r, i)))
        {
            var field = $"Indicators[{i}]";
            if (!Enum.IsDefined(row.Type)) { Add(field + ".Type", "Admin.Editor.Error.Choice"); continue; }
            if (row.Raw.Length == 0 || row.Raw.Length > IndicatorMax || HasControl(row.Raw, multiline: false))
                Add(field + ".Value", "Admin.Editor.Error.Indicator");
            else if (!IndicatorNormalizer.Normalize(row.Type, row.Raw, row.Country).IsValid)
                Add(field + ".Value", "Admin.Editor.Error.IndicatorInvalid", "Indicator." + row.Type);
            if (row.Country is { } country && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
                Add(field + ".Country", "Admin.Editor.Error.Country");
        }
        if (content.Indicators.Count > IndicatorsMax) Add(nameof(content.Indicators), "Admin.Editor.Error.TooMany");

        foreach (var (row, i) in content.Sources.Select((r, i) => (r, i)))
        {
            var field = $"Sources[{i}]";
            Text(field + ".Title", row.Title, SourceTitleMax, required: true, multiline: false);
            Url(field + ".Url", row.Url, required: true);
            Text(field + ".Publisher", row.Publisher, PublisherMax, required: false, multiline: false);
            Url(field + ".ArchiveUrl", row.ArchiveUrl, required: false);
        }
        if (content.Sources.Count > SourcesMax) Add(nameof(content.Sources), "Admin.Editor.Error.TooMany");

        foreach (var (shot, i) in content.Screenshots.Select((s, i) => (s, i)))
        {
            Text($"Screenshots[{i}].AltText", shot.AltText, AltTextMax, required: true, multiline: false);
            Text($"Screenshots[{i}].Caption", shot.Caption, CaptionMax, required: false, multiline: false);
        }
        foreach (var (correction, i) in content.Corrections.Select((c, i) => (c, i)))
            Text($"Corrections[{i}].Note", correction.Note, NoteMax, required: true, multiline: true);
        Text(nameof(content.TranslationKey), content.TranslationKey, TranslationKeyMax, required: false, multiline: false);
        Text(nameof(content.WithdrawalReason), content.WithdrawalReason, WithdrawalReasonMax,
            required: content.Status == AdvisoryStatus.Withdrawn, multiline: true);
        return problems;

        void Names(string field, List<string> names, int max)
        {
            if (names.Count > NamesMax || names.Any(n => n.Length > max || HasControl(n, multiline: false)))
                Add(field, "Admin.Editor.Error.Names");
        }
    }

    /// <summary>What readers need before an advisory is published or scheduled, as a workflow message key, or null.</summary>
    public static string? ReadyProblem(AdvisoryContent content)
    {
        var missing = Check(content, forReaders: true).Where(p => p.Message is "Admin.Editor.Error.Required" or "Admin.Editor.Error.VerdictRequired").ToList();
        if (missing.Count == 0) return null;
        return missing.All(p => p.Field is nameof(AdvisoryContent.Rating) or nameof(AdvisoryContent.ClaimText))
            ? "Admin.Workflow.Error.NeedsVerdict"
            : "Admin.Workflow.Error.Incomplete";
    }

    public static bool IsWebUrl(string? value) =>
        value is { Length: > 0 and <= UrlMax } && !HasControl(value, multiline: false) &&
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// Control characters (NUL, escape…), noncharacters (U+FFFE…) and lone surrogates have no business in an
    /// advisory (<see cref="SafeText"/>: they break slugs, ids, feeds and headers); tabs and newlines are fine where lines are.
    /// </summary>
    public static bool HasControl(string value, bool multiline) => SafeText.HasUnsafe(value, allowLineBreaks: multiline);
}
