using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// /admin/advisories: the editor (create, save, preview, corrections, conflicts) and the workflow
/// buttons. Contributors write and submit; publishing, scheduling and withdrawing need an Editor (the
/// [Authorize] on each action); a draft never published may be deleted by an Editor or by its creator.
/// Publish, withdraw and delete are asked about first (<see cref="WorkflowConfirmationController"/>).
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories")]
public sealed class AdvisoryEditorController(
    AppDbContext db, AdvisoryWorkflow workflow, AdvisoryEditing editing, MarkdownRenderer markdown, BodyRendering bodies,
    IStringLocalizer<SharedResource> text, TimeProvider clock, MediaOptions media, IOptions<BackOfficeOptions> options,
    Desk desk, Autosaves autosaves, AdvisoryTranslations translations) : BackOfficeController
{
    /// <summary>Time zones offered when scheduling (the editor's own is picked by admin.js when it is one of them).</summary>
    public static readonly IReadOnlyList<string> ScheduleTimeZones =
        new[] { "UTC", "Africa/Cairo", "Asia/Riyadh", "Asia/Dubai", "Asia/Amman", "Asia/Beirut", "Asia/Baghdad", "Africa/Casablanca",
                "Europe/Kyiv", "Europe/Warsaw", "Europe/Berlin", "Europe/London" }
            .Where(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)).ToList();

    [HttpGet("new")]
    public async Task<IActionResult> New(string? lang, string? kind, string? done)
    {
        var language = SiteLanguage.Find(lang) ?? BackOfficeLanguage.Current;
        // A new advisory this editor was typing when the tab closed or the browser crashed comes back first.
        if (await autosaves.LatestNewAsync(CurrentUserId) is { } copy)
            return View("Edit", await EditorPageAsync(null, copy.ReadForm().AsTyped(), notice: Notices.Text(done, text),
                recovered: new RecoveredAutosave(copy.SavedAt, ChangedSince: false), autosaveKey: copy.Key[Autosaves.NewPrefix.Length..]));
        var form = new AdvisoryForm
        {
            Language = language.Code,
            Kind = Enum.TryParse<AdvisoryKind>(kind, out var k) && Enum.IsDefined(k) ? k.ToString() : nameof(AdvisoryKind.FactCheck),
            Authors = User.FindFirst(EditorClaimsFactory.DisplayNameClaim)?.Value,
        };
        return View("Edit", await EditorPageAsync(null, form.WithBlankRows(), notice: Notices.Text(done, text), autosaveKey: Autosaves.NewDraftKey()));
    }

    /// <param name="autosaveKey">The key autosave.js keeps this new form's copy under (<see cref="Autosaves"/>); it goes once the advisory is created.</param>
    /// <param name="translationSearch">What was typed in the "same story in another language" search box (its Find button works without JavaScript).</param>
    [HttpPost("new")]
    public async Task<IActionResult> Create(AdvisoryForm form, string? command, string? autosaveKey, string? translationSearch)
    {
        autosaveKey = Autosaves.KeyOfNew(autosaveKey) is null ? Autosaves.NewDraftKey() : autosaveKey;
        if (command is "preview" or "more-rows" or "find-translation")
            return View("Edit", await EditorPageAsync(null, Rows(form, command), autosaveKey: autosaveKey, translationSearch: translationSearch));
        var result = await workflow.CreateAsync(form, CurrentActor);
        if (result.Outcome == Outcome.Done)
        {
            await autosaves.ForgetAsync(CurrentUserId, Autosaves.KeyOfNew(autosaveKey));
            return RedirectToAction("Edit", "AdvisoryEditor", new { id = result.Advisory!.Id, done = "created" });
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await EditorPageAsync(null, form.AsTyped(), errors: result.Errors, autosaveKey: autosaveKey));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, string? done, string? problem)
    {
        var advisory = await workflow.LoadAsync(id);
        if (advisory is null) return NotFoundPage();
        var content = AdvisoryContent.Of(advisory);
        var form = AdvisoryForm.From(content, advisory.Version).WithBlankRows();
        // What this editor typed and did not save comes back in the form, with a banner to keep or discard it;
        // a copy that says nothing the advisory does not already say is not offered.
        RecoveredAutosave? recovered = null;
        if (await autosaves.FindAsync(CurrentUserId, Autosaves.KeyOf(id)) is { } copy && copy.ReadForm() is var typed &&
            (!typed.ToContent(content).Content.SameAs(content) || !string.IsNullOrWhiteSpace(typed.CorrectionNote)))
        {
            form = typed.AsTyped();
            form.Version = copy.BaseVersion;
            recovered = new RecoveredAutosave(copy.SavedAt, ChangedSince: copy.BaseVersion != advisory.Version);
        }
        return View("Edit", await EditorPageAsync(advisory, form, notice: Notices.Text(done, text),
            problem: problem is "changed" ? text["Admin.Workflow.Error.Changed"].Value : null, recovered: recovered));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, AdvisoryForm form, string? command, string? translationSearch)
    {
        if (command is "preview" or "more-rows" or "find-translation")
        {
            var current = await workflow.LoadAsync(id);
            if (current is null) return NotFoundPage();
            return View("Edit", await EditorPageAsync(current, Rows(form, command), translationSearch: translationSearch));
        }

        var result = await workflow.SaveAsync(id, form, CurrentActor, CanPublish);
        if (result.Outcome == Outcome.Done) await autosaves.ForgetAsync(CurrentUserId, Autosaves.KeyOf(id));
        switch (result.Outcome)
        {
            case Outcome.Done:
                return RedirectToAction("Edit", new { id, done = form.ChangeKind is "correction" or "update" && result.Advisory!.Status == AdvisoryStatus.Published ? "corrected" : "saved" });
            case Outcome.NotFound:
                return NotFoundPage();
            case Outcome.NotAllowed:
                return Forbid();
            case Outcome.Conflict:
                // The editor's text stays in the form, now based on the current version; the other save is shown beside it.
                form.Version = result.CurrentVersion;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("Edit", await EditorPageAsync(result.Advisory!, form.WithBlankRows(),
                    conflict: TextDiff.Compare(result.Current!, form.ToContent(result.Current!).Content, await ShownAsync()),
                    conflictBy: result.CurrentBy ?? "?"));
            default:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Edit", await EditorPageAsync(result.Advisory!, form.AsTyped(), errors: result.Errors));
        }
    }

    /// <summary>
    /// The body through the public pipeline, for admin.js's live preview (the Preview button does the same
    /// without script). Any Contributor can ask for it as often as they type, so it has a time limit
    /// (BackOffice:PreviewTimeLimit): past it the editor is told, instead of the server working on.
    /// </summary>
    [HttpPost("preview-body")]
    public ContentResult PreviewBody(string? body, string? language)
    {
        var direction = (SiteLanguage.Find(language) ?? SiteLanguage.Default).Direction;
        var preview = Preview(body, direction);
        if (preview.Problem is not null) Response.StatusCode = preview.TimedOut ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status422UnprocessableEntity;
        return Content(preview.Html, "text/html; charset=utf-8");
    }

    private sealed record PreviewResult(string Html, string? Problem, bool TimedOut);

    /// <summary>The body rendered within the preview time limit, or a message saying why it cannot be shown.</summary>
    private PreviewResult Preview(string? body, TextDirection direction)
    {
        var input = body ?? "";
        if (input.Length > AdvisoryRules.BodyMax) input = input[..AdvisoryRules.BodyMax];
        using var deadline = new CancellationTokenSource(options.Value.PreviewTimeLimit, clock);
        string problem;
        var timedOut = false;
        try
        {
            return new PreviewResult(markdown.Render(input, direction, deadline.Token), null, false);
        }
        catch (OperationCanceledException)
        {
            problem = text["Admin.Editor.PreviewTooSlow"];
            timedOut = true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            problem = string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.Render"], e.Message);
        }
        return new PreviewResult($"<p class=\"form-errors\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(problem)}</p>", problem, timedOut);
    }

    /// <summary>The saved advisory rendered by the public page template, whatever its status.</summary>
    [HttpGet("{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id)
    {
        var page = await AdvisoryPreview.PageAsync(db, bodies, id, MediaAccess.BackOfficePath);
        if (page is null) return NotFoundPage();
        return new LanguageViewResult(page.Language, "~/Views/Advisories/Show.cshtml", page, ViewData, TempData);
    }

    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id, int version) =>
        await AfterTransitionAsync(id, await workflow.SubmitAsync(id, version, CurrentActor), "submitted");

    [HttpPost("{id:guid}/return-to-draft"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> ReturnToDraft(Guid id, int version, string? note) =>
        await AfterTransitionAsync(id, await workflow.ReturnToDraftAsync(id, version, note, CurrentActor), "returned");

    [HttpPost("{id:guid}/publish"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Publish(Guid id, int version)
    {
        var result = await workflow.PublishAsync(id, version, CurrentActor);
        SiteMetrics.CountPublished(result.Outcome == Outcome.Done ? 1 : 0, scheduled: false);
        return await AfterTransitionAsync(id, result, "published");
    }

    [HttpPost("{id:guid}/schedule"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Schedule(Guid id, int version, string? at, string? timeZone)
    {
        if (!DateTime.TryParseExact(at, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ||
            !ScheduleTimeZones.Contains(timeZone ?? "") || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone!, out var zone))
            return await AfterTransitionAsync(id, new TransitionResult(Outcome.Invalid, "Admin.Workflow.Error.Date"), "scheduled");
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var result = await workflow.ScheduleAsync(id, version, utc, CurrentActor);
        if (result.Outcome == Outcome.Done && await db.Users.FindAsync(CurrentUserId) is { } user && user.ScheduleTimeZone != timeZone)
        {
            // Remembered for this editor: the next schedule form offers it, and scheduled times are shown in it.
            user.ScheduleTimeZone = timeZone;
            await db.SaveChangesAsync();
        }
        return await AfterTransitionAsync(id, result, "scheduled");
    }

    [HttpPost("{id:guid}/unschedule"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Unschedule(Guid id, int version) =>
        await AfterTransitionAsync(id, await workflow.UnscheduleAsync(id, version, CurrentActor), "unscheduled");

    [HttpPost("{id:guid}/withdraw"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Withdraw(Guid id, int version, string? reason) =>
        await AfterTransitionAsync(id, await workflow.WithdrawAsync(id, version, reason, CurrentActor), "withdrawn");

    /// <summary>Editors delete any draft never published; Contributors the ones they created.</summary>
    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, int version)
    {
        if (!await db.Advisories.AnyAsync(a => a.Id == id)) return NotFoundPage();
        // Who may; whether the advisory still can be deleted is the workflow's answer (a message, not a refusal).
        if (!CanPublish && !await desk.IsCreatorAsync(id, CurrentUserId)) return Forbid();
        var result = await workflow.DeleteAsync(id, version, CurrentActor);
        return result.Outcome == Outcome.Done ? RedirectToAction("List", "AdvisoryList", new { done = "deleted" }) : await AfterTransitionAsync(id, result, "deleted");
    }

    private async Task<IActionResult> AfterTransitionAsync(Guid id, TransitionResult result, string done)
    {
        switch (result.Outcome)
        {
            case Outcome.Done:
                return RedirectToAction("Edit", "AdvisoryEditor", new { id, done });
            case Outcome.NotFound:
                return NotFoundPage();
            case Outcome.Conflict:
                return RedirectToAction("Edit", "AdvisoryEditor", new { id, problem = "changed" });
            default:
                var advisory = await workflow.LoadAsync(id);
                if (advisory is null) return NotFoundPage();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Edit", await EditorPageAsync(advisory, AdvisoryForm.From(AdvisoryContent.Of(advisory), advisory.Version).WithBlankRows(),
                    problem: text[result.Problem ?? "Admin.Workflow.Error.State"]));
        }
    }

    private async Task<Func<string, string, string>> ShownAsync() =>
        TextDiff.Shown(await db.Ratings.ToListAsync(), await db.Platforms.ToListAsync(), text, BackOfficeLanguage.Current);

    private static AdvisoryForm Rows(AdvisoryForm form, string command) =>
        command == "more-rows" ? form.WithBlankRows(indicators: 4, sources: 2) : form.WithBlankRows();

    private async Task<EditorPage> EditorPageAsync(
        Advisory? saved, AdvisoryForm form, FormErrors? errors = null, string? notice = null, string? problem = null,
        IReadOnlyList<FieldDifference>? conflict = null, string? conflictBy = null,
        RecoveredAutosave? recovered = null, string? autosaveKey = null, string? translationSearch = null)
    {
        var language = SiteLanguage.Find(form.Language) ?? SiteLanguage.Default;
        var preview = Preview(form.Body, language.Direction);
        return new EditorPage
        {
            Title = saved is null ? text["Admin.Editor.NewTitle"] : string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.EditTitle"], saved.Title),
            Subject = saved?.Title, SubjectLanguage = saved?.Language,
            Notice = notice,
            Id = saved?.Id,
            Form = form,
            Errors = errors ?? new FormErrors(),
            Choices = await editing.ChoicesAsync(saved?.Id, form.TranslationOf, translationSearch, form.Language),
            Saved = saved,
            PreviewHtml = preview.Html,
            CanPublish = CanPublish,
            CanShare = CanShare,
            MayEdit = saved is null || AdvisoryWorkflow.MayEdit(saved, CanPublish),
            MayDelete = saved is not null && await desk.MayDeleteAsync(saved, CurrentUserId, CanPublish),
            PreviewLinks = saved is null || !CanShare ? [] : await db.PreviewLinks.Where(l => l.AdvisoryId == saved.Id && l.RevokedAt == null).OrderBy(l => l.CreatedAt).ToListAsync(),
            Screenshots = saved is null ? [] : await db.Screenshots.AsNoTracking().Include(s => s.Files).Where(s => s.AdvisoryId == saved.Id).OrderBy(s => s.Position).ToListAsync(),
            MaxUploadBytes = media.MaxUploadBytes,
            Problem = problem,
            Conflict = conflict,
            ConflictBy = conflictBy,
            ScheduleTimeZone = await db.Users.Where(u => u.Id == CurrentUserId).Select(u => u.ScheduleTimeZone).FirstOrDefaultAsync(),
            // Translations, autosave (Areas/Admin/Views/AdvisoryEditor/_Translation*.cshtml, _Autosave.cshtml).
            Source = saved is null ? null : await translations.SourceAsync(saved, await ShownAsync()),
            Story = saved is null ? [] : await translations.StoryAsync(saved),
            TranslationSearch = translationSearch,
            Recovered = recovered,
            AutosaveKey = autosaveKey,
        };
    }

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
