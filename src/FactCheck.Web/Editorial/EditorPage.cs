using System.Globalization;
namespace FactCheck;

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
    /// <summary>The saved advisory's screenshots in page order (Areas/Admin/Views/AdvisoryEditor/_Screenshots.cshtml).</summary>
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

    public bool IsPublished => Saved?.Status == AdvisoryStatus.Published;
    public SiteLanguage ContentLanguage => SiteLanguage.Find(Form.Language) ?? SiteLanguage.Default;
}
