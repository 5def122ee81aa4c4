using System.Globalization;

namespace FactCheck;

public sealed class AdminAdvisoryListPage : AdminPage
{
    public required IReadOnlyList<AdvisoryRow> Rows { get; init; }
    public string? Status { get; init; }
    public string? Language { get; init; }
    public string? Query { get; init; }
    public int Page { get; init; }
    public int TotalPages { get; init; }
}

/// <summary>
/// A text input of the advisory editor (Views/Admin/AdvisoryEditor/_TextField.cshtml). <paramref name="Rows"/> above
/// zero makes it a textarea; <paramref name="ContentLanguage"/> marks text written in the advisory's language.
/// </summary>
public sealed record TextField(string Name, string Label, string? Value, int? MaxLength = null, int Rows = 0, string Dir = "auto",
    bool ContentLanguage = true, bool Required = false, string? Hint = null, string Type = "text");

/// <summary>A <see cref="TextField"/> on its editor page (for the page's errors and language).</summary>
public sealed record EditorTextField(EditorPage Page, TextField Field);

/// <summary>One field that differs between two versions of an advisory.</summary>
public sealed record FieldDifference(string Field, string Before, string After, IReadOnlyList<DiffLine> Lines);

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

    public bool IsPublished => Saved?.Status == AdvisoryStatus.Published;
    public string PostPath => Id is { } id ? $"/admin/advisories/{id}" : "/admin/advisories/new";
    public SiteLanguage ContentLanguage => SiteLanguage.Find(Form.Language) ?? SiteLanguage.Default;
}
