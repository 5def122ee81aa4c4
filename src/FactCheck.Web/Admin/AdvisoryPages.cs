using System.Globalization;

namespace FactCheck;

/// <summary>The back-office list's filters as typed in its query string (anything unknown is dropped, never an error).</summary>
public sealed class AdvisoryListQuery
{
    /// <summary>Words of the title, summary, body, claim or address, or an indicator typed any way.</summary>
    public string? Q { get; set; }
    public string? Status { get; set; }
    public string? Lang { get; set; }
    public string? Verdict { get; set; }
    public string? Platform { get; set; }
    /// <summary>"me", "none", or an account id.</summary>
    public string? Assignee { get; set; }
    /// <summary>Part of a byline name.</summary>
    public string? Author { get; set; }
    public int Page { get; set; } = 1;

    /// <summary>The query string of these filters (without the page), for links to other pages of the list.</summary>
    public string ToQueryString() => string.Join('&', new[] { ("q", Q), ("status", Status), ("lang", Lang), ("verdict", Verdict), ("platform", Platform),
            ("assignee", Assignee), ("author", Author) }
        .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}

/// <summary>One advisory in the back-office list.</summary>
public sealed record AdvisoryListRow(Guid Id, string Title, string Language, AdvisoryKind Kind, AdvisoryStatus Status, DateTime UpdatedAt,
    string? RatingKey, string? AssigneeName);

public sealed class AdminAdvisoryListPage : AdminPage
{
    public required IReadOnlyList<AdvisoryListRow> Rows { get; init; }
    public required AdvisoryListQuery Filter { get; init; }
    /// <summary>/admin/review: advisories waiting for review, oldest first; the status is fixed.</summary>
    public bool IsReviewQueue { get; init; }
    public int Page { get; init; }
    public int TotalPages { get; init; }
    public int Total { get; init; }
    public required IReadOnlyList<Rating> Ratings { get; init; }
    public required IReadOnlyList<Platform> Platforms { get; init; }
    public required IReadOnlyList<DeskMember> Members { get; init; }
    public required IReadOnlyList<string> Authors { get; init; }
    public string Path => IsReviewQueue ? "/admin/review" : "/admin/advisories";
}

/// <summary>
/// A text input of the advisory editor (Views/Admin/AdvisoryEditor/_TextField.cshtml). <paramref name="Rows"/> above
/// zero makes it a textarea; <paramref name="ContentLanguage"/> marks text written in the advisory's language.
/// </summary>
public sealed record TextField(string Name, string Label, string? Value, int? MaxLength = null, int Rows = 0, string Dir = "auto",
    bool ContentLanguage = true, bool Required = false, string? Hint = null, string Type = "text");

/// <summary>A <see cref="TextField"/> on its editor page (for the page's errors and language).</summary>
public sealed record EditorTextField(EditorPage Page, TextField Field);

/// <summary>An autosaved copy shown in the editor: when it was kept, and whether the advisory was saved again since (then saving it shows both, as a conflict).</summary>
public sealed record RecoveredAutosave(DateTime SavedAt, bool ChangedSince);

/// <summary>One field that differs between two versions of an advisory.</summary>
public sealed record FieldDifference(string Field, string Before, string After, IReadOnlyList<DiffLine> Lines);

/// <summary>Differences as Views/Admin/Shared/_Differences.cshtml shows them; <paramref name="Language"/> of the compared text, when known.</summary>
public sealed record DifferenceList(IReadOnlyList<FieldDifference> Items, int HeadingLevel, string? Language = null);

/// <summary>The advisory editor: the form as typed, its errors, and the saved advisory's state beside it.</summary>
public sealed class EditorPage : AdminPage
{
    public Guid? Id { get; init; }
    public required AdvisoryForm Form { get; init; }
    public FormErrors Errors { get; init; } = new();
    public required EditorChoices Choices { get; init; }
    /// <summary>The advisory as stored (null while creating): status, dates, corrections.</summary>
    public Advisory? Saved { get; init; }
    /// <summary>The body through the public Markdown pipeline.</summary>
    public required string PreviewHtml { get; init; }
    public bool CanPublish { get; init; }
    /// <summary>May create and revoke preview links (Editors and Admins).</summary>
    public bool CanShare { get; init; }
    public bool MayEdit { get; init; } = true;
    /// <summary>A draft never published, and the person is an Editor or the Contributor who created it.</summary>
    public bool MayDelete { get; init; }
    public IReadOnlyList<PreviewLink> PreviewLinks { get; init; } = [];
    /// <summary>The saved advisory's screenshots in page order (Views/Admin/AdvisoryEditor/_Screenshots.cshtml).</summary>
    public IReadOnlyList<Screenshot> Screenshots { get; init; } = [];
    public long MaxUploadBytes { get; init; }
    /// <summary>Why the last workflow action was refused, in the UI language.</summary>
    public string? Problem { get; init; }

    /// <summary>On a conflict: who saved meanwhile, and how their version differs from the form.</summary>
    public string? ConflictBy { get; init; }
    public IReadOnlyList<FieldDifference>? Conflict { get; init; }

    /// <summary>The zone this editor last scheduled in (<see cref="EditorUser.ScheduleTimeZone"/>), or null.</summary>
    public string? ScheduleTimeZone { get; init; }

    /// <summary>When a scheduled advisory goes out, in the editor's zone ("2026-12-05 09:00 Europe/Kyiv"), and in UTC.</summary>
    public (string Local, string Utc)? ScheduledTime =>
        Saved?.ScheduledFor is not { } when ? null
        : (ScheduleTimeZone is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) && zoneId != "UTC"
              ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(when, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zoneId
              : "",
           when.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");

    /// <summary>For a translation made with "Translate into…": its source, whose texts are shown beside the inputs.</summary>
    public TranslationSource? Source { get; init; }
    /// <summary>The story's other languages (<see cref="AdvisoryTranslations.StoryAsync"/>).</summary>
    public IReadOnlyList<TranslationMember> Story { get; init; } = [];
    /// <summary>What was typed in the translation picker's search box (shown with its matches).</summary>
    public string? TranslationSearch { get; init; }
    /// <summary>Set when the form shows an autosaved copy instead of the stored advisory.</summary>
    public RecoveredAutosave? Recovered { get; init; }
    /// <summary>For a new advisory: the key its autosaved copy is kept under.</summary>
    public string? AutosaveKey { get; init; }
    public string AutosavePath => (Id is { } id ? $"/admin/advisories/{id}" : "/admin/advisories/new") + "/autosave";

    public bool IsPublished => Saved?.Status == AdvisoryStatus.Published;
    public string PostPath => Id is { } id ? $"/admin/advisories/{id}" : "/admin/advisories/new";
    public SiteLanguage ContentLanguage => SiteLanguage.Find(Form.Language) ?? SiteLanguage.Default;
}
