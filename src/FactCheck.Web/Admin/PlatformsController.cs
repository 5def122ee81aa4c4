using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

public sealed class PlatformForm
{
    public string? Name { get; set; }
    /// <summary>One name per line.</summary>
    public string? Equivalents { get; set; }
}

public sealed class PlatformsPage : AdminPage
{
    public required IReadOnlyList<Platform> Platforms { get; init; }
}

public sealed class PlatformPage : AdminPage
{
    public required int Id { get; init; }
    public required string Key { get; init; }
    public required PlatformForm Form { get; init; }
    public FormErrors Errors { get; init; } = new();
}

/// <summary>
/// /admin/platforms: the platforms and brands advisories are filed under, with the other names readers
/// write them by (واتساب, Ватсап…), which search treats as the same word (<see cref="PlatformEquivalents"/>).
/// The key stays: URLs and feeds use it.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/platforms"), Authorize(Policy = Can.Administer)]
public sealed class PlatformsController(AppDbContext db, AuditLog audit, PublicContent publicContent, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    public const int MaxEquivalents = 30;
    public const int MaxEquivalentLength = 60;

    [HttpGet("")]
    public async Task<IActionResult> List(string? done) =>
        View(new PlatformsPage
        {
            Title = text["Admin.Platforms.Title"], Notice = Notices.Text(done, text),
            Platforms = await db.Platforms.AsNoTracking().OrderBy(p => p.Name).ToListAsync(),
        });

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id) =>
        await db.Platforms.FindAsync(id) is { } platform
            ? View("Edit", new PlatformPage { Title = platform.Name, Id = id, Key = platform.Key, Form = new PlatformForm { Name = platform.Name, Equivalents = platform.Equivalents } })
            : Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Save(int id, PlatformForm form)
    {
        var platform = await db.Platforms.FindAsync(id);
        if (platform is null) return Message(StatusCodes.Status404NotFound, text["Admin.NotFound.Title"], text["Admin.NotFound.Text"]);
        var errors = new FormErrors();
        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || AdvisoryRules.HasControl(name, multiline: false)) errors.Add(nameof(form.Name), text["Admin.Platforms.Error.Name"]);
        var equivalents = (form.Equivalents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (equivalents.Count > MaxEquivalents || equivalents.Any(e => e.Length > MaxEquivalentLength || AdvisoryRules.HasControl(e, multiline: false)))
            errors.Add(nameof(form.Equivalents), text["Admin.Platforms.Error.Equivalents"]);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new PlatformPage { Title = platform.Name, Id = id, Key = platform.Key, Form = form, Errors = errors });
        }
        var before = $"{platform.Name}: {platform.Equivalents.Replace('\n', ',')}";
        platform.Name = name;
        platform.Equivalents = string.Join('\n', equivalents);
        var after = $"{platform.Name}: {platform.Equivalents.Replace('\n', ',')}";
        if (after != before)
        {
            audit.Add(AuditAction.PlatformChanged, $"platform {platform.Key}", $"{before} → {after}");
            await db.SaveChangesAsync();
            // Names on cards and lists, and what search finds, change at once.
            await publicContent.ChangedAsync();
        }
        return Redirect("/admin/platforms?done=platform-saved");
    }
}
