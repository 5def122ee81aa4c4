using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// /admin/advisories: the list, the editor (create, save, preview, corrections, conflicts) and the
/// workflow buttons. Contributors write and submit; publishing, scheduling, withdrawing and deleting
/// need an Editor (the [Authorize] on each action).
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories")]
public sealed class AdvisoryEditorController(
    AppDbContext db, AdvisoryWorkflow workflow, AdvisoryEditing editing, MarkdownRenderer markdown, BodyRendering bodies,
    IStringLocalizer<SharedResource> text, TimeProvider clock, MediaOptions media, IOptions<BackOfficeOptions> options) : BackOfficeController
{
    private const int PageSize = 50;

    /// <summary>Time zones offered when scheduling (the editor's own is picked by admin.js when it is one of them).</summary>
    public static readonly IReadOnlyList<string> ScheduleTimeZones =
        new[] { "UTC", "Africa/Cairo", "Asia/Riyadh", "Asia/Dubai", "Asia/Amman", "Asia/Beirut", "Asia/Baghdad", "Africa/Casablanca",
                "Europe/Kyiv", "Europe/Warsaw", "Europe/Berlin", "Europe/London" }
            .Where(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)).ToList();

    [HttpGet("")]
    public async Task<IActionResult> List(string? status, string? lang, string? q, int page = 1, string? done = null)
    {
        var query = db.Advisories.AsQueryable();
        if (Enum.TryParse<AdvisoryStatus>(status, out var wanted) && Enum.IsDefined(wanted)) query = query.Where(a => a.Status == wanted);
        else status = null;
        if (SiteLanguage.Find(lang) is { } language) query = query.Where(a => a.Language == language.Code);
        else lang = null;
        // A control character cannot be in a title or slug; PostgreSQL also refuses NUL in a parameter.
        if (!string.IsNullOrWhiteSpace(q) && q.Length <= 200 && !q.Any(char.IsControl))
        {
            var term = q.Trim();
            query = query.Where(a => a.Title.Contains(term) || a.Slug.Contains(term));
        }
        else q = null;

        var total = await query.CountAsync();
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, totalPages);
        var rows = await query.OrderByDescending(a => a.UpdatedAt).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AdvisoryRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.UpdatedAt)).ToListAsync();
        return View(new AdminAdvisoryListPage
        {
            Title = text["Admin.List.Title"], Notice = Notices.Text(done, text),
            Rows = rows, Status = status, Language = lang, Query = q, Page = page, TotalPages = totalPages,
        });
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string? lang, string? kind)
    {
        var language = SiteLanguage.Find(lang) ?? BackOfficeLanguage.Current;
        var form = new AdvisoryForm
        {
            Language = language.Code,
            Kind = Enum.TryParse<AdvisoryKind>(kind, out var k) && Enum.IsDefined(k) ? k.ToString() : nameof(AdvisoryKind.FactCheck),
            Authors = User.FindFirst(EditorClaimsFactory.DisplayNameClaim)?.Value,
        };
        return View("Edit", await EditorPageAsync(null, form.WithBlankRows()));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(AdvisoryForm form, string? command)
    {
        if (command is "preview" or "more-rows") return View("Edit", await EditorPageAsync(null, Rows(form, command)));
        var result = await workflow.CreateAsync(form, CurrentActor);
        if (result.Outcome == Outcome.Done) return Redirect($"/admin/advisories/{result.Advisory!.Id}?done=created");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", await EditorPageAsync(null, form.AsTyped(), errors: result.Errors));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, string? done, string? problem)
    {
        var advisory = await workflow.LoadAsync(id);
        if (advisory is null) return NotFoundPage();
        var form = AdvisoryForm.From(AdvisoryContent.Of(advisory), advisory.Version).WithBlankRows();
        return View("Edit", await EditorPageAsync(advisory, form, notice: Notices.Text(done, text),
            problem: problem is "changed" ? text["Admin.Workflow.Error.Changed"].Value : null));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, AdvisoryForm form, string? command)
    {
        if (command is "preview" or "more-rows")
        {
            var current = await workflow.LoadAsync(id);
            if (current is null) return NotFoundPage();
            return View("Edit", await EditorPageAsync(current, Rows(form, command)));
        }

        var result = await workflow.SaveAsync(id, form, CurrentActor, CanPublish);
        switch (result.Outcome)
        {
            case Outcome.Done:
                return Redirect($"/admin/advisories/{id}?done={(form.ChangeKind is "correction" or "update" && result.Advisory!.Status == AdvisoryStatus.Published ? "corrected" : "saved")}");
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
    public async Task<IActionResult> ReturnToDraft(Guid id, int version) =>
        await AfterTransitionAsync(id, await workflow.ReturnToDraftAsync(id, version, CurrentActor), "returned");

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

    [HttpPost("{id:guid}/delete"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Delete(Guid id, int version)
    {
        var result = await workflow.DeleteAsync(id, version, CurrentActor);
        return result.Outcome == Outcome.Done ? Redirect("/admin/advisories?done=deleted") : await AfterTransitionAsync(id, result, "deleted");
    }

    private async Task<IActionResult> AfterTransitionAsync(Guid id, TransitionResult result, string done)
    {
        switch (result.Outcome)
        {
            case Outcome.Done:
                return Redirect($"/admin/advisories/{id}?done={done}");
            case Outcome.NotFound:
                return NotFoundPage();
            case Outcome.Conflict:
                return Redirect($"/admin/advisories/{id}?problem=changed");
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
        IReadOnlyList<FieldDifference>? conflict = null, string? conflictBy = null)
    {
        var language = SiteLanguage.Find(form.Language) ?? SiteLanguage.Default;
        var preview = Preview(form.Body, language.Direction);
        return new EditorPage
        {
            Title = saved is null ? text["Admin.Editor.NewTitle"] : string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.EditTitle"], saved.Title),
            Notice = notice,
            Id = saved?.Id,
            Form = form,
            Errors = errors ?? new FormErrors(),
            Choices = await editing.ChoicesAsync(saved?.Id, saved?.TranslationKey),
            Saved = saved,
            PreviewHtml = preview.Html,
            CanPublish = CanPublish,
            CanShare = CanShare,
            MayEdit = saved is null || AdvisoryWorkflow.MayEdit(saved, CanPublish),
            PreviewLinks = saved is null || !CanShare ? [] : await db.PreviewLinks.Where(l => l.AdvisoryId == saved.Id && l.RevokedAt == null).OrderBy(l => l.CreatedAt).ToListAsync(),
            Screenshots = saved is null ? [] : await db.Screenshots.AsNoTracking().Include(s => s.Files).Where(s => s.AdvisoryId == saved.Id).OrderBy(s => s.Position).ToListAsync(),
            MaxUploadBytes = media.MaxUploadBytes,
            Problem = problem,
            Conflict = conflict,
            ConflictBy = conflictBy,
            ScheduleTimeZone = await db.Users.Where(u => u.Id == CurrentUserId).Select(u => u.ScheduleTimeZone).FirstOrDefaultAsync(),
        };
    }

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
