using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/platforms and /admin/tags (Editors and Admins): add, rename and merge (<see cref="Taxonomy"/>).</summary>
[Route(BackOfficeSetup.PathBase), Authorize(Policy = Can.Publish)]
public sealed class TaxonomyController(AppDbContext db, Taxonomy taxonomy, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("platforms")]
    public async Task<IActionResult> Platforms(string? done) => View(await PlatformsPageAsync(Notices.Text(done, text), new PlatformForm(), new FormErrors()));

    [HttpPost("platforms")]
    public async Task<IActionResult> AddPlatform(PlatformForm form)
    {
        var errors = ValidateNames(form);
        var key = string.IsNullOrWhiteSpace(form.Key) ? SlugRules.FromTitle(form.Name ?? "") : form.Key.Trim();
        if (SlugRules.Problem(key) is not null || key.Length > Taxonomy.MaxKeyLength) errors.Add(nameof(form.Key), text["Admin.Taxonomy.Error.Key"]);
        else if (await db.Platforms.AnyAsync(p => p.Key == key)) errors.Add(nameof(form.Key), text["Admin.Taxonomy.Error.KeyTaken"]);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Platforms", await PlatformsPageAsync(null, form, errors));
        }
        await taxonomy.AddPlatformAsync(key, form);
        return RedirectToAction("Platforms", "Taxonomy", new { done = "platform-saved" });
    }

    [HttpGet("platforms/{id:int}")]
    public async Task<IActionResult> Platform(int id, string? done) =>
        await db.Platforms.FirstOrDefaultAsync(p => p.Id == id) is { } platform
            ? View(await PlatformPageAsync(platform, PlatformForm.Of(platform), new FormErrors(), Notices.Text(done, text)))
            : NotFoundPage();

    [HttpPost("platforms/{id:int}")]
    public async Task<IActionResult> RenamePlatform(int id, PlatformForm form)
    {
        var platform = await db.Platforms.FirstOrDefaultAsync(p => p.Id == id);
        if (platform is null) return NotFoundPage();
        var errors = ValidateNames(form);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Platform", await PlatformPageAsync(platform, form, errors, null));
        }
        await taxonomy.RenamePlatformAsync(platform, form);
        return RedirectToAction("Platform", "Taxonomy", new { id, done = "platform-saved" });
    }

    [HttpPost("platforms/{id:int}/merge")]
    public async Task<IActionResult> MergePlatform(int id, int? into)
    {
        var platform = await db.Platforms.FirstOrDefaultAsync(p => p.Id == id);
        if (platform is null) return NotFoundPage();
        var target = into is { } intoId && intoId != id ? await db.Platforms.FirstOrDefaultAsync(p => p.Id == intoId) : null;
        if (target is null)
        {
            var errors = new FormErrors();
            errors.Add("into", text["Admin.Taxonomy.Error.MergeTarget"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Platform", await PlatformPageAsync(platform, PlatformForm.Of(platform), errors, null));
        }
        await taxonomy.MergePlatformAsync(platform, target);
        return RedirectToAction("Platform", "Taxonomy", new { id = target.Id, done = "merged" });
    }

    [HttpGet("tags")]
    public async Task<IActionResult> Tags(string? q, string? done)
    {
        var query = db.Tags.AsQueryable();
        var term = !string.IsNullOrWhiteSpace(q) && q.Length <= 100 && !q.Any(char.IsControl) ? q.Trim() : null;
        if (term is not null) query = query.Where(t => t.Name.Contains(term));
        var tags = await query.OrderBy(t => t.Name).Take(500).Select(t => new TaxonomyCount<Tag>(t, t.Advisories.Count)).ToListAsync();
        return View(new TagsPage { Title = text["Admin.Tags.Title"], Notice = Notices.Text(done, text), Tags = tags, Query = term });
    }

    [HttpGet("tags/{id:int}")]
    public async Task<IActionResult> Tag(int id, string? done) =>
        await db.Tags.FirstOrDefaultAsync(t => t.Id == id) is { } tag ? View(await TagPageAsync(tag, Notices.Text(done, text))) : NotFoundPage();

    [HttpPost("tags/{id:int}")]
    public async Task<IActionResult> RenameTag(int id, string? name)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null) return NotFoundPage();
        var problem = !Taxonomy.IsName(name) ? "Admin.Taxonomy.Error.Name"
            : !await taxonomy.RenameTagAsync(tag, name!) ? "Admin.Tags.Error.Exists"
            : null;
        if (problem is null) return RedirectToAction("Tag", "Taxonomy", new { id, done = "tag-saved" });
        db.ChangeTracker.Clear();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Tag", await TagPageAsync(await db.Tags.SingleAsync(t => t.Id == id), null, newName: name, error: text[problem]));
    }

    [HttpPost("tags/{id:int}/merge")]
    public async Task<IActionResult> MergeTag(int id, string? into)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null) return NotFoundPage();
        var name = into?.Trim();
        var target = name is { Length: > 0 } && name != tag.Name ? await db.Tags.FirstOrDefaultAsync(t => t.Name == name) : null;
        if (target is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Tag", await TagPageAsync(tag, null, into: into, error: text["Admin.Taxonomy.Error.MergeTarget"]));
        }
        await taxonomy.MergeTagAsync(tag, target);
        return RedirectToAction("Tag", "Taxonomy", new { id = target.Id, done = "merged" });
    }

    private FormErrors ValidateNames(PlatformForm form)
    {
        var errors = new FormErrors();
        if (!Taxonomy.IsName(form.Name)) errors.Add(nameof(form.Name), text["Admin.Taxonomy.Error.Name"]);
        if (!Taxonomy.IsName(form.NameAr, required: false)) errors.Add(nameof(form.NameAr), text["Admin.Taxonomy.Error.Name"]);
        if (!Taxonomy.IsName(form.NameUk, required: false)) errors.Add(nameof(form.NameUk), text["Admin.Taxonomy.Error.Name"]);
        var equivalents = form.EquivalentsText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (equivalents.Length > Taxonomy.MaxEquivalents || equivalents.Any(e => e.Length > Taxonomy.MaxEquivalentLength || AdvisoryRules.HasControl(e, multiline: false)))
            errors.Add(nameof(form.Equivalents), text["Admin.Platforms.Error.Equivalents"]);
        return errors;
    }

    private async Task<PlatformsPage> PlatformsPageAsync(string? notice, PlatformForm form, FormErrors errors) => new()
    {
        Title = text["Admin.Platforms.Title"], Notice = notice, Form = form, Errors = errors,
        Platforms = await db.Platforms.OrderBy(p => p.Name).Select(p => new TaxonomyCount<Platform>(p, p.Advisories.Count)).ToListAsync(),
    };

    private async Task<PlatformPage> PlatformPageAsync(Platform platform, PlatformForm form, FormErrors errors, string? notice) => new()
    {
        Title = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin.Platforms.EditTitle"], platform.Name),
        Subject = platform.Name, Notice = notice, Platform = platform, Form = form, Errors = errors,
        Others = await db.Platforms.Where(p => p.Id != platform.Id).OrderBy(p => p.Name).ToListAsync(),
        Advisories = await db.Advisories.CountAsync(a => a.Platforms.Any(p => p.Id == platform.Id)),
    };

    private async Task<TagPage> TagPageAsync(Tag tag, string? notice, string? newName = null, string? into = null, string? error = null) => new()
    {
        Title = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Admin.Tags.EditTitle"], tag.Name),
        Subject = tag.Name, Notice = notice, Tag = tag, NewName = newName ?? tag.Name, Into = into, Error = error,
        Others = await db.Tags.Where(t => t.Id != tag.Id).OrderBy(t => t.Name).Select(t => t.Name).Take(1000).ToListAsync(),
        Advisories = await db.Advisories.CountAsync(a => a.Tags.Any(t => t.Id == tag.Id)),
    };

    private ViewResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
}
