using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Translations in the back-office: "Translate into…" (a linked draft carrying the source's structured fields
/// and screenshots, <see cref="AdvisoryWorkflow.TranslateAsync"/>), "mark as up to date" once a translation
/// follows its source's latest revision, and the search behind the "same story in another language" picker
/// (JSON for wwwroot/js/translation-picker.js; without script the editor's Find button does the same search).
/// Contributors may translate: a translation is a new draft.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/advisories")]
public sealed class TranslationsController(AppDbContext db, AdvisoryWorkflow workflow, AdvisoryEditing editing, IStringLocalizer<SharedResource> text)
    : BackOfficeController
{
    [HttpGet("translation-choices")]
    public async Task<IActionResult> Choices(string? q, Guid? id, string? lang) =>
        Json((await editing.FindTranslationsAsync(q, id, lang)).Select(c => new
        {
            value = c.Value,
            language = c.Language,
            title = c.Title,
            label = $"{SiteLanguage.Find(c.Language)?.NativeName ?? c.Language} — {c.Title}",
        }));

    [HttpPost("{id:guid}/translate")]
    public async Task<IActionResult> Translate(Guid id, string? language)
    {
        var source = await db.Advisories.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.TranslationKey, a.Title }).FirstOrDefaultAsync();
        if (source is null) return NotFoundPage();
        // The story already has this language (someone was quicker): open that one instead of refusing.
        if (source.TranslationKey is { } group &&
            await db.Advisories.Where(a => a.TranslationKey == group && a.Language == language && a.Id != id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync() is { } existing)
            return RedirectToAction("Edit", "AdvisoryEditor", new { id = existing });
        var result = await workflow.TranslateAsync(id, language ?? "", CurrentActor);
        return result.Outcome switch
        {
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id = result.Advisory!.Id, done = "translated" }),
            Outcome.NotFound => NotFoundPage(),
            _ => Message(StatusCodes.Status400BadRequest, string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin.Translation.TranslateTitle"], source.Title),
                string.Join(" ", result.Errors?.ByField.Values ?? [])),
        };
    }

    [HttpPost("{id:guid}/translation/up-to-date")]
    public async Task<IActionResult> UpToDate(Guid id) =>
        (await workflow.MarkTranslationUpToDateAsync(id, CurrentActor, CanPublish)).Outcome switch
        {
            Outcome.Done => RedirectToAction("Edit", "AdvisoryEditor", new { id, done = "translation-up-to-date" }),
            Outcome.NotAllowed => Forbid(),
            _ => NotFoundPage(),
        };

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
