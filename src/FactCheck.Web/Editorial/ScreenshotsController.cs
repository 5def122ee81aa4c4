using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/advisories/{id}/screenshots: upload, redact, and look after an advisory's screenshots.
/// An upload is checked and decoded, then staged privately (<see cref="ScreenshotStaging"/>) with the
/// screenshots it resembles; the editor marks rectangles to hide and only then are the public renditions
/// made. Whoever may edit the advisory may do all of this (Contributors: drafts and advisories in review).
/// Every change that reaches the advisory goes through <see cref="AdvisoryWorkflow.ChangeScreenshotsAsync"/>.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories/{id:guid}/screenshots")]
public sealed class ScreenshotsController(
    AppDbContext db, AdvisoryWorkflow workflow, ScreenshotProcessor processor, ScreenshotStaging staging, MediaLibrary library,
    MediaOptions options, AdvisoryTranslations translations, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    /// <summary>Sent by wwwroot/js/screenshots.js: the change is made in place, and the answer is the new list (or the problem as JSON), not a page.</summary>
    public const string InlineHeader = "X-Editor-Inline";

    private bool Inline => Request.Headers.ContainsKey(InlineHeader);

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid id, string? problem)
    {
        if (await EditableAsync(id) is not { } advisory) return Refused(id);
        var errors = new FormErrors();
        if (problem == "too-large") errors.Add("File", string.Format(CultureInfo.CurrentCulture, text["Media.Error.RequestTooLarge"], ScreenshotProcessor.Megabytes(options.MaxUploadBytes)));
        return FormPage(advisory, null, null, null, errors);
    }

    [HttpPost(""), UploadLimits]
    public async Task<IActionResult> Upload(Guid id, IFormFile? file, string? altText, string? caption, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is not { } advisory) return Refused(id);
        var errors = CheckTexts(altText, caption);
        if (file is null || file.Length == 0) errors.Add("File", text["Media.Error.Empty"]);
        if (errors.Any) return FormPage(advisory, null, altText, caption, errors, StatusCodes.Status400BadRequest);
        var (staged, problem, status) = await StageFileAsync(id, file!, altText!.Trim(), Blank(caption), cancellationToken);
        if (staged is null)
        {
            errors.Add("File", problem!);
            return FormPage(advisory, null, altText, caption, errors, status);
        }
        return RedirectToStaged(staged);
    }

    /// <summary>
    /// In the editor: stages a chosen, dropped or pasted image and answers with what the redaction dialog needs —
    /// the private image, its size, and the earlier screenshots it resembles ("covered before?"). Alt text comes
    /// when it is added.
    /// </summary>
    [HttpPost("stage"), UploadLimits(Json = true)]
    public async Task<IActionResult> Stage(Guid id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is null) return JsonProblem(db.Advisories.Any(a => a.Id == id) ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound, text["Admin.NotFound.Text"]);
        if (file is null || file.Length == 0) return JsonProblem(StatusCodes.Status400BadRequest, text["Media.Error.Empty"]);
        var (staged, problem, status) = await StageFileAsync(id, file, "", null, cancellationToken);
        if (staged is null) return JsonProblem(status, problem!);
        var similar = await SimilarScreenshots.FindAsync(db, staged.PerceptualHash, id, cancellationToken);
        var page = new StagedScreenshotPage { Title = "", Staged = staged, ContentLanguage = SiteLanguage.Default, Similar = similar };
        return Json(new
        {
            token = staged.Token,
            width = staged.Width,
            height = staged.Height,
            image = Url.Action("StagedImage", new { id, token = staged.Token, v = staged.Redactions.Count }),
            add = Url.Action("AddStaged", new { id, token = staged.Token }),
            discard = Url.Action("Staged", new { id, token = staged.Token }),
            similar = similar.Select(m => new
            {
                id = m.Screenshot.Id,
                title = m.Title,
                language = m.Language,
                status = text[$"Admin.Status.{m.Status}"].Value,
                thumbnail = m.Thumbnail?.BackOfficeUrl, // staff see any screenshot; /media only published ones (MediaAccess)
                altText = m.Screenshot.AltText,
                distance = m.Distance,
                redactions = ScreenshotStaging.FromJson(m.Screenshot.Redactions).Count,
            }),
        });
    }

    /// <summary>Reads, checks and stages an upload: the staged upload, or the problem in the UI language and its status code.</summary>
    private async Task<(StagedUpload? Staged, string? Problem, int Status)> StageFileAsync(Guid id, IFormFile file, string altText, string? caption, CancellationToken cancellationToken)
    {
        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        StagedImage image;
        try
        {
            image = await processor.StageAsync(bytes, file.FileName, cancellationToken);
        }
        catch (MediaRejectedException e)
        {
            return (null, string.Format(CultureInfo.CurrentCulture, text[$"Media.Error.{e.Problem}"], [.. e.Values]), e.Problem switch
            {
                MediaProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
                MediaProblem.NotAnImage or MediaProblem.Renamed or MediaProblem.Disguised or MediaProblem.HeicUnsupported => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status422UnprocessableEntity,
            });
        }
        catch (MediaUnavailableException)
        {
            return (null, text["Media.Error.Unavailable"], StatusCodes.Status503ServiceUnavailable);
        }
        return (await staging.CreateAsync(id, null, altText, caption, image, [], bytes, cancellationToken), null, StatusCodes.Status200OK);
    }

    /// <summary>
    /// In the editor: the redaction dialog's "Add". Every rectangle drawn (several, after any undo) is burnt into
    /// the private copy at once, then the public renditions are made and attached, as the staged page does.
    /// <paramref name="redactions"/> is a JSON list of {x, y, width, height, style} in pixels of the staged image.
    /// </summary>
    [HttpPost("staged/{token}/add")]
    public async Task<IActionResult> AddStaged(Guid id, string token, string? altText, string? caption, string? redactions, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is null) return JsonProblem(StatusCodes.Status403Forbidden, text["Admin.NotFound.Text"]);
        if (await staging.FindAsync(id, token, cancellationToken) is not { } staged) return JsonProblem(StatusCodes.Status404NotFound, text["Admin.Screenshots.StagedGone"]);
        var errors = CheckTexts(altText, caption);
        var rectangles = new List<Redaction>();
        try
        {
            foreach (var drawn in System.Text.Json.JsonSerializer.Deserialize<List<RedactionForm>>(redactions ?? "[]", JsonForms) ?? [])
            {
                if (drawn.ToRedaction(staged.Width, staged.Height) is { } rectangle && rectangles.Count < MaxRectangles) rectangles.Add(rectangle);
                else { errors.Add("Redaction", text["Admin.Screenshots.Error.Rectangle"]); break; }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            errors.Add("Redaction", text["Admin.Screenshots.Error.Rectangle"]);
        }
        if (errors.Any) return JsonProblem(StatusCodes.Status400BadRequest, string.Join(" ", errors.ByField.Values));

        if (rectangles.Count > 0) staged = await RedactStagedAsync(staged, rectangles, cancellationToken);
        var (outcome, before) = await AttachAsync(staged, altText!.Trim(), Blank(caption), cancellationToken);
        return outcome == Outcome.Done ? await ShotListAsync(id, before)
            : JsonProblem(StatusCodes.Status409Conflict, text[outcome == Outcome.Conflict ? "Admin.Workflow.Error.Changed" : "Admin.Screenshots.StagedGone"]);
    }

    /// <summary>
    /// "Covered before?": attaches an earlier screenshot (of any advisory) to this one — the same stored image and
    /// its redactions, nothing uploaded or encoded again — with the alt text and caption typed (or those of the
    /// staged upload it replaces, or of the screenshot reused). The staged upload, if any, is discarded.
    /// </summary>
    [HttpPost("reuse")]
    public async Task<IActionResult> Reuse(Guid id, int shotId, string? token, string? altText, string? caption, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is null) return Inline ? JsonProblem(StatusCodes.Status403Forbidden, text["Admin.NotFound.Text"]) : Refused(id);
        var reused = await db.Screenshots.AsNoTracking().Include(s => s.Files).FirstOrDefaultAsync(s => s.Id == shotId, cancellationToken);
        if (reused is null) return Inline ? JsonProblem(StatusCodes.Status404NotFound, text["Admin.NotFound.Text"]) : NotFoundPage();
        var staged = await staging.FindAsync(id, token, cancellationToken);
        var alt = Blank(altText) ?? Blank(staged?.AltText);
        var ownCaption = alt is null ? reused.Caption : Blank(caption) ?? staged?.Caption;
        alt ??= reused.AltText;
        var errors = CheckTexts(alt, ownCaption);
        if (errors.Any) return Inline ? JsonProblem(StatusCodes.Status400BadRequest, string.Join(" ", errors.ByField.Values)) : Message(StatusCodes.Status400BadRequest, text["Admin.Screenshots.Title"], string.Join(" ", errors.ByField.Values));
        var before = 0;
        var outcome = await workflow.ChangeScreenshotsAsync(id, CurrentActor, CanPublish, AuditAction.ScreenshotAdded, advisory =>
        {
            before = advisory.Version;
            var copy = reused.Reused(alt, ownCaption);
            copy.Position = advisory.Screenshots.Count;
            advisory.Screenshots.Add(copy);
            return Task.FromResult<string?>($"{alt} (the image of screenshot {reused.Id})");
        });
        if (outcome == Outcome.NotAllowed) return Forbid();
        if (staged is not null) staging.Delete(staged.Token);
        if (Inline) return await ShotListAsync(id, before);
        return RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "screenshot-reused" }, "screenshots");
    }

    [HttpGet("staged/{token}")]
    public async Task<IActionResult> Staged(Guid id, string token, string? problem, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is not { } advisory) return Refused(id);
        if (await staging.FindAsync(id, token, cancellationToken) is not { } staged) return StagedGone();
        var errors = new FormErrors();
        if (problem == "changed") errors.Add("Advisory", text["Admin.Workflow.Error.Changed"]);
        return await StagedPageAsync(advisory, staged, staged.AltText, staged.Caption, new RedactionForm(), errors);
    }

    /// <summary>The private image, only to those who may edit the advisory, never cached (BackOfficeController).</summary>
    [HttpGet("staged/{token}/image")]
    public async Task<IActionResult> StagedImage(Guid id, string token, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is null) return Refused(id);
        if (await staging.FindAsync(id, token, cancellationToken) is not { } staged) return StagedGone();
        return File(await staging.ReadImageAsync(staged, cancellationToken), "image/png");
    }

    /// <summary>One form, three buttons: apply the rectangle, add the screenshot to the advisory (applying a rectangle still typed), or discard.</summary>
    [HttpPost("staged/{token}")]
    public async Task<IActionResult> Staged(Guid id, string token, string? command, string? altText, string? caption, RedactionForm redaction, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is not { } advisory) return Refused(id);
        if (await staging.FindAsync(id, token, cancellationToken) is not { } staged) return StagedGone();
        if (command == "discard")
        {
            staging.Delete(staged.Token);
            return Inline ? NoContent() : RedirectToAction("Edit", "AdvisoryEditor", new { id }, "screenshots");
        }

        var errors = command == "publish" ? CheckTexts(altText, caption) : new FormErrors();
        var rectangle = redaction.ToRedaction(staged.Width, staged.Height);
        if (rectangle is null && (command == "redact" || !redaction.IsEmpty)) errors.Add("Redaction", text["Admin.Screenshots.Error.Rectangle"]);
        if (errors.Any) return await StagedPageAsync(advisory, staged, altText, caption, redaction, errors, StatusCodes.Status400BadRequest);

        if (rectangle is not null) staged = await RedactStagedAsync(staged, [rectangle], cancellationToken);
        if (command != "publish")
        {
            // What was typed meanwhile survives the round trip.
            await staging.TextChangedAsync(staged, altText?.Trim() ?? "", Blank(caption), cancellationToken);
            return RedirectToStaged(staged);
        }
        return await PublishAsync(staged, altText!.Trim(), Blank(caption), cancellationToken);
    }

    private async Task<IActionResult> PublishAsync(StagedUpload staged, string altText, string? caption, CancellationToken cancellationToken) =>
        (await AttachAsync(staged, altText, caption, cancellationToken)).Outcome switch
        {
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id = staged.AdvisoryId, done = staged.Replaces is null ? "screenshot-added" : "screenshot-redacted" }, "screenshots"),
            Outcome.NotAllowed => Forbid(),
            // Changed by someone else at that very moment: the staged upload stays, so pressing again works.
            Outcome.Conflict => RedirectToStaged(staged, problem: "changed"),
            _ => StagedGone(),
        };

    /// <summary>
    /// Makes the public renditions of the staged image and attaches them, as a new screenshot or in place of the one
    /// redacted again; returns how it went and the advisory's version just before (screenshots.js moves the editor's
    /// form to the new version only when it was opened at that one).
    /// </summary>
    private async Task<(Outcome Outcome, int VersionBefore)> AttachAsync(StagedUpload staged, string altText, string? caption, CancellationToken cancellationToken)
    {
        var before = 0;
        var image = await processor.PublishStagedAsync(await staging.ReadImageAsync(staged, cancellationToken), staged.PerceptualHash, cancellationToken);
        var files = await library.StoreVariantsAsync(image, cancellationToken);
        var original = staged.Replaces is null ? await library.KeepOriginalAsync(await staging.ReadOriginalAsync(staged, cancellationToken), cancellationToken) : null;
        var replaced = new List<string>();
        var outcome = await workflow.ChangeScreenshotsAsync(staged.AdvisoryId, CurrentActor, CanPublish,
            staged.Replaces is null ? AuditAction.ScreenshotAdded : AuditAction.ScreenshotRedacted, advisory =>
            {
                before = advisory.Version;
                var shot = staged.Replaces is { } replaces ? advisory.Screenshots.FirstOrDefault(s => s.Id == replaces) : new Screenshot
                {
                    Position = advisory.Screenshots.Count, PerceptualHash = staged.PerceptualHash, OriginalFileName = original,
                };
                if (shot is null) return Task.FromResult<string?>(null);
                if (shot.Id == 0) advisory.Screenshots.Add(shot);
                replaced.AddRange(shot.Files.Select(f => f.FileName));
                shot.AltText = altText;
                shot.Caption = caption;
                shot.Width = image.Width;
                shot.Height = image.Height;
                shot.Redactions = staged.Redactions.Count > 0 ? ScreenshotStaging.ToJson(staged.Redactions) : null;
                shot.Files = files;
                return Task.FromResult<string?>($"{altText} ({staged.Redactions.Count} redactions)");
            });
        if (outcome != Outcome.Done)
        {
            await library.DeleteUnusedAsync(db, files.Select(f => f.FileName), original);
            return (outcome, before);
        }
        staging.Delete(staged.Token);
        await library.DeleteUnusedAsync(db, replaced, null);
        return (Outcome.Done, before);
    }

    [HttpGet("{shotId:int}")]
    public async Task<IActionResult> EditTexts(Guid id, int shotId)
    {
        if (await EditableAsync(id) is not { } advisory) return Refused(id);
        if (await ShotAsync(id, shotId) is not { } shot) return NotFoundPage();
        return FormPage(advisory, shot, shot.AltText, shot.Caption, new FormErrors());
    }

    /// <summary>Alt text and caption, from the editor's list (in place with screenshots.js) or from the screenshot's own page.</summary>
    [HttpPost("{shotId:int}")]
    public async Task<IActionResult> SaveTexts(Guid id, int shotId, string? altText, string? caption)
    {
        if (await EditableAsync(id) is not { } advisory) return Inline ? JsonProblem(StatusCodes.Status403Forbidden, text["Admin.NotFound.Text"]) : Refused(id);
        var errors = CheckTexts(altText, caption);
        if (errors.Any && Inline) return JsonProblem(StatusCodes.Status400BadRequest, string.Join(" ", errors.ByField.Values));
        if (errors.Any)
            return await ShotAsync(id, shotId) is { } shot ? FormPage(advisory, shot, altText, caption, errors, StatusCodes.Status400BadRequest) : NotFoundPage();
        return await ChangedAsync(id, AuditAction.ScreenshotEdited, "screenshot-saved", advisory =>
        {
            if (advisory.Screenshots.FirstOrDefault(s => s.Id == shotId) is not { } shot) return null;
            shot.AltText = altText!.Trim();
            shot.Caption = Blank(caption);
            return shot.AltText;
        });
    }

    /// <summary>Earlier or later on the page: swaps places with its neighbour.</summary>
    [HttpPost("{shotId:int}/move")]
    public Task<IActionResult> Move(Guid id, int shotId, string? direction) =>
        ChangedAsync(id, AuditAction.ScreenshotMoved, "screenshot-moved", advisory =>
        {
            var ordered = advisory.Screenshots.OrderBy(s => s.Position).ToList();
            var index = ordered.FindIndex(s => s.Id == shotId);
            var other = index + (direction == "up" ? -1 : 1);
            if (index < 0 || direction is not ("up" or "down")) return null;
            if (other >= 0 && other < ordered.Count) (ordered[index].Position, ordered[other].Position) = (ordered[other].Position, ordered[index].Position);
            return $"{ordered[index].AltText}: {direction}";
        });

    [HttpPost("{shotId:int}/delete")]
    public async Task<IActionResult> Delete(Guid id, int shotId)
    {
        Screenshot? removed = null;
        var result = await ChangedAsync(id, AuditAction.ScreenshotRemoved, "screenshot-removed", advisory =>
        {
            removed = advisory.Screenshots.FirstOrDefault(s => s.Id == shotId);
            if (removed is null) return null;
            advisory.Screenshots.Remove(removed);
            db.Screenshots.Remove(removed);
            return removed.AltText;
        });
        if (removed is not null) await library.DeleteUnusedAsync(db, removed.Files.Select(f => f.FileName), removed.OriginalFileName);
        return result;
    }

    /// <summary>
    /// Redacts a screenshot again. From the kept original when the desk keeps them (its earlier rectangles
    /// are burnt in again first, so nothing once hidden comes back), otherwise from the largest public
    /// rendition — already redacted, at most 1600 px wide, one more generation of lossy coding.
    /// </summary>
    [HttpPost("{shotId:int}/redact")]
    public async Task<IActionResult> RedactAgain(Guid id, int shotId, CancellationToken cancellationToken)
    {
        if (await EditableAsync(id) is null) return Refused(id);
        if (await ShotAsync(id, shotId) is not { } shot) return NotFoundPage();
        var earlier = ScreenshotStaging.FromJson(shot.Redactions);
        try
        {
            StagedImage image;
            if (await library.ReadOriginalAsync(shot.OriginalFileName, cancellationToken) is { } original)
            {
                image = await processor.StageAsync(original, cancellationToken: cancellationToken);
                if (earlier.Count > 0) image = image with { Png = await processor.RedactStagedAsync(image.Png, earlier, cancellationToken) };
            }
            else if (shot.Fallback is { } largest && await library.ReadVariantAsync(largest, cancellationToken) is { } rendition)
            {
                image = await processor.StageAsync(rendition, cancellationToken: cancellationToken);
                // The record of what was hidden stays true in the rendition's own pixels.
                var scale = (double)image.Width / shot.Width;
                earlier = earlier.Select(r => new Redaction((int)(r.X * scale), (int)(r.Y * scale), (int)Math.Ceiling(r.Width * scale), (int)Math.Ceiling(r.Height * scale), r.Style)).ToList();
            }
            else return NotFoundPage();
            var staged = await staging.CreateAsync(id, shot.Id, shot.AltText, shot.Caption, image with { PerceptualHash = shot.PerceptualHash }, earlier, null, cancellationToken);
            return RedirectToStaged(staged);
        }
        catch (Exception e) when (e is MediaRejectedException or MediaUnavailableException)
        {
            return Message(StatusCodes.Status503ServiceUnavailable, text["Admin.Screenshots.Title"], text["Media.Error.Unavailable"]);
        }
    }

    /// <summary>A change of the screenshots: back to the editor, or (screenshots.js, in place) the new list.</summary>
    private async Task<IActionResult> ChangedAsync(Guid id, AuditAction action, string done, Func<Advisory, string?> change)
    {
        var before = 0;
        var outcome = await workflow.ChangeScreenshotsAsync(id, CurrentActor, CanPublish, action, advisory =>
        {
            before = advisory.Version;
            return Task.FromResult(change(advisory));
        });
        return outcome switch
        {
            Outcome.Done when Inline => await ShotListAsync(id, before),
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id, done }, "screenshots"),
            Outcome.NotAllowed => Forbid(),
            Outcome.Conflict => RedirectToAction("Edit", "AdvisoryEditor", new { id, problem = "changed" }, "screenshots"),
            _ => NotFoundPage(),
        };
    }

    private const int MaxRectangles = 50;

    /// <summary>The dialog's rectangles arrive as the coordinates form's strings ({"x": "12", …}): the same parsing as typed ones.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonForms = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Burns <paramref name="rectangles"/> into the private copy, in one pass, and records them.</summary>
    private async Task<StagedUpload> RedactStagedAsync(StagedUpload staged, IReadOnlyList<Redaction> rectangles, CancellationToken cancellationToken) =>
        await staging.RedactedAsync(staged,
            await processor.RedactStagedAsync(await staging.ReadImageAsync(staged, cancellationToken), rectangles, cancellationToken), rectangles, cancellationToken);

    /// <summary>
    /// The editor's screenshot list after a change made in place, with the advisory's version before and after it
    /// (headers): screenshots.js moves the editor form's Version along only if the form was at the version before,
    /// so a change someone else saved meanwhile still gives the conflict page rather than being overwritten.
    /// </summary>
    private async Task<IActionResult> ShotListAsync(Guid id, int versionBefore)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstAsync(a => a.Id == id);
        var shots = await db.Screenshots.AsNoTracking().Include(s => s.Files).Where(s => s.AdvisoryId == id).OrderBy(s => s.Position).ToListAsync();
        Response.Headers["X-Version-Before"] = versionBefore.ToString(CultureInfo.InvariantCulture);
        Response.Headers["X-Version"] = advisory.Version.ToString(CultureInfo.InvariantCulture);
        return PartialView("~/Areas/Admin/Views/AdvisoryEditor/_ShotList.cshtml",
            new ShotList(id, shots, AdvisoryWorkflow.MayEdit(advisory, CanPublish), advisory.SiteLanguage, await translations.SourceAsync(advisory)));
    }

    private JsonResult JsonProblem(int status, string message)
    {
        Response.StatusCode = status;
        return Json(new { error = message });
    }

    private FormErrors CheckTexts(string? altText, string? caption)
    {
        var errors = new FormErrors();
        var alt = altText?.Trim() ?? "";
        if (alt.Length == 0) errors.Add("AltText", text["Admin.Screenshots.Error.AltRequired"]);
        foreach (var (field, value, max) in new[] { ("AltText", alt, AdvisoryRules.AltTextMax), ("Caption", caption?.Trim() ?? "", AdvisoryRules.CaptionMax) })
        {
            if (value.Length > max) errors.Add(field, string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.TooLong"], max));
            else if (SafeText.HasUnsafe(value, allowLineBreaks: false)) errors.Add(field, text["Admin.Editor.Error.Control"]);
        }
        return errors;
    }

    /// <summary>The advisory, when it exists and the signed-in person may change it.</summary>
    private async Task<Advisory?> EditableAsync(Guid id)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        return advisory is not null && AdvisoryWorkflow.MayEdit(advisory, CanPublish) ? advisory : null;
    }

    /// <summary>404 for an advisory that does not exist, 403 for one this person may not change.</summary>
    private IActionResult Refused(Guid id) => db.Advisories.Any(a => a.Id == id) ? Forbid() : NotFoundPage();

    private Task<Screenshot?> ShotAsync(Guid id, int shotId) =>
        db.Screenshots.AsNoTracking().Include(s => s.Files).FirstOrDefaultAsync(s => s.Id == shotId && s.AdvisoryId == id);

    private ViewResult FormPage(Advisory advisory, Screenshot? existing, string? altText, string? caption, FormErrors errors, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View("Form", new ScreenshotFormPage
        {
            Title = Bidi.PlainFormat(text[existing is null ? "Admin.Screenshots.UploadTitle" : "Admin.Screenshots.EditTitle"], advisory.Title, BackOfficeLanguage.Current),
            Subject = advisory.Title, SubjectLanguage = advisory.Language,
            AdvisoryId = advisory.Id, ContentLanguage = advisory.SiteLanguage, Existing = existing, AsksForFile = existing is null,
            AltText = altText, Caption = caption, Errors = errors, MaxUploadBytes = options.MaxUploadBytes,
        });
    }

    private async Task<IActionResult> StagedPageAsync(Advisory advisory, StagedUpload staged, string? altText, string? caption,
        RedactionForm redaction, FormErrors errors, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View("Staged", new StagedScreenshotPage
        {
            Title = Bidi.PlainFormat(text["Admin.Screenshots.RedactTitle"], advisory.Title, BackOfficeLanguage.Current),
            Subject = advisory.Title, SubjectLanguage = advisory.Language,
            Staged = staged, ContentLanguage = advisory.SiteLanguage,
            Similar = await SimilarScreenshots.FindAsync(db, staged.PerceptualHash, advisory.Id, HttpContext.RequestAborted),
            AltText = altText, Caption = caption, Redaction = redaction, Errors = errors,
        });
    }

    private RedirectToActionResult RedirectToStaged(StagedUpload staged, string? problem = null) =>
        RedirectToAction("Staged", "Screenshots", new { id = staged.AdvisoryId, token = staged.Token, problem });

    private ViewResult StagedGone() => Message(StatusCodes.Status404NotFound, text["Admin.Screenshots.Title"], text["Admin.Screenshots.StagedGone"]);

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
