using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/pages: Admins edit the transparency pages (About, Team, Funding and ownership, Corrections
/// policy, Contact) in each language. Every save keeps a revision (who, when, the text); an earlier
/// revision can be put back into the form and saved again.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/pages"), Authorize(Policy = Can.Administer)]
public sealed class TransparencyPagesController(
    AppDbContext db, AuditLog audit, PublicContent publicContent, MarkdownRenderer markdown, TimeProvider clock, IStringLocalizer<SharedResource> text) : BackOfficeController
{

    [HttpGet("")]
    public async Task<IActionResult> List(string? done) =>
        View(new TransparencyPagesPage
        {
            Title = text["Admin.Pages.Title"], Notice = Notices.Text(done, text),
            Pages = (await db.TransparencyPages.AsNoTracking().ToListAsync())
                .OrderBy(p => TransparencyPage.Keys.ToList().IndexOf(p.Key)).ThenBy(p => SiteLanguage.All.ToList().FindIndex(l => l.Code == p.Language))
                .ToList(),
        });

    [HttpGet("{key}/{lang}")]
    public async Task<IActionResult> Edit(string key, string lang, int? revision)
    {
        // Unknown pages answer 404 here rather than through route constraints, so sign-in is asked for first.
        var page = TransparencyPage.IsKey(key) && SiteLanguage.Find(lang) is not null
            ? await db.TransparencyPages.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key && p.Language == lang)
            : null;
        if (page is null) return NotFound404();
        var loaded = revision is { } id
            ? await db.TransparencyPageRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Key == key && r.Language == lang)
            : null;
        var form = new TransparencyPageForm { Title = loaded?.Title ?? page.Title, Body = loaded?.Body ?? page.Body, Version = page.Version };
        return View("Edit", await EditPageAsync(page, form, loaded: loaded));
    }

    [HttpPost("{key}/{lang}")]
    public async Task<IActionResult> Save(string key, string lang, TransparencyPageForm form)
    {
        var page = TransparencyPage.IsKey(key) && SiteLanguage.Find(lang) is not null
            ? await db.TransparencyPages.FirstOrDefaultAsync(p => p.Key == key && p.Language == lang)
            : null;
        if (page is null) return NotFound404();
        var errors = new FormErrors();
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Trim().Length > 200 || AdvisoryRules.HasControl(form.Title, multiline: false))
            errors.Add(nameof(form.Title), text["Admin.Pages.Error.Title"]);
        if (string.IsNullOrWhiteSpace(form.Body) || form.Body.Length > TransparencyPageLimits.BodyLength)
            errors.Add(nameof(form.Body), text["Admin.Pages.Error.Body"]);
        else if (AdvisoryRules.HasControl(form.Body, multiline: true))
            errors.Add(nameof(form.Body), text["Admin.Editor.Error.Control"]);
        else
        {
            // As for advisories: a body the Markdown pipeline refuses would reach readers as plain text only.
            try { markdown.Render(form.Body, SiteLanguage.Find(lang)!.Direction); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                errors.Add(nameof(form.Body), string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin.Editor.Error.Render"], e.Message));
            }
        }
        if (errors.Any) return Refused(await EditPageAsync(page, form, errors));
        // Someone saved since this form was loaded: nothing is overwritten, the editor's text stays in the form.
        if (form.Version != page.Version) return Refused(await EditPageAsync(page, form, conflict: page));

        var now = clock.GetUtcNow().UtcDateTime;
        page.Title = form.Title!.Trim();
        page.Body = form.Body!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        page.UpdatedAt = now;
        page.Version++;
        db.TransparencyPageRevisions.Add(new TransparencyPageRevision
        {
            Key = page.Key, Language = page.Language, Title = page.Title, Body = page.Body, SavedAt = now, SavedBy = CurrentActor.Name,
        });
        audit.Add(AuditAction.TransparencyPageChanged, $"page {page.Key} ({page.Language})", page.Title);
        try
        {
            await db.SaveChangesAsync(); // the page, its revision and the audit entry in one transaction
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.TransparencyPages.AsNoTracking().FirstAsync(p => p.Key == key && p.Language == lang);
            return Refused(await EditPageAsync(current, form, conflict: current));
        }
        await publicContent.ChangedAsync();
        return RedirectToAction("List", "TransparencyPages", new { done = "page-saved" });
    }

    private async Task<TransparencyPageEditPage> EditPageAsync(TransparencyPage page, TransparencyPageForm form,
        FormErrors? errors = null, TransparencyPage? conflict = null, TransparencyPageRevision? loaded = null) => new()
    {
        Title = string.Format(BackOfficeLanguage.Current.Culture, text["Admin.Pages.EditTitle"], text[$"Transparency.{page.Key}"], SiteLanguage.Find(page.Language)!.NativeName),
        Page = page,
        Form = form,
        Errors = errors ?? new FormErrors(),
        Conflict = conflict,
        Loaded = loaded,
        Revisions = await db.TransparencyPageRevisions.AsNoTracking()
            .Where(r => r.Key == page.Key && r.Language == page.Language)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id).Take(50).ToListAsync(),
    };

    private ViewResult Refused(TransparencyPageEditPage model)
    {
        Response.StatusCode = model.Conflict is null ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        return View("Edit", model);
    }

    private ViewResult NotFound404() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
