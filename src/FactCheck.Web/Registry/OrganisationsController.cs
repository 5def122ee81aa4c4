using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/organisations: whose official channels the registry lists, and the allowlist per organisation.</summary>
[Route(BackOfficeSetup.PathBase + "/organisations")]
public sealed partial class OrganisationsController(
    AppDbContext db, OfficialChannels officials, AuditLog audit, PublicContent publicContent, TimeProvider clock, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> List(string? done)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();
        var channels = await officials.OnAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return View("List", new OrganisationsPage
        {
            Title = text["Admin.Organisations.Title"], Notice = Notices.Text(done, text),
            Organisations = organisations.Select(o => (o, (IReadOnlyList<OfficialChannel>)channels.Channels.Where(c => c.OrganisationId == o.Id).ToList())).ToList(),
        });
    }

    [HttpGet("new"), Authorize(Policy = Can.Publish)]
    public IActionResult New() => View("Edit", new OrganisationPage { Title = text["Admin.Organisations.New"], Form = new OrganisationForm() });

    [HttpPost("new"), Authorize(Policy = Can.Publish)]
    public Task<IActionResult> Create(OrganisationForm form) => SaveAsync(null, form);

    [HttpGet("{id:int}"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Edit(int id)
    {
        var organisation = await db.Organisations.FindAsync(id);
        if (organisation is null) return Message(StatusCodes.Status404NotFound, text["Error.NotFound"], text["Error.NotFound.Text"]);
        return View("Edit", new OrganisationPage
        {
            Title = organisation.Name, Id = id, Form = new OrganisationForm { Key = organisation.Key, Name = organisation.Name, Website = organisation.Website },
        });
    }

    [HttpPost("{id:int}"), Authorize(Policy = Can.Publish)]
    public Task<IActionResult> Save(int id, OrganisationForm form) => SaveAsync(id, form);

    private async Task<IActionResult> SaveAsync(int? id, OrganisationForm form)
    {
        var organisation = id is { } existing ? await db.Organisations.FindAsync(existing) : new Organisation();
        if (organisation is null) return Message(StatusCodes.Status404NotFound, text["Error.NotFound"], text["Error.NotFound.Text"]);
        var errors = new FormErrors();
        var key = id is null ? form.Key?.Trim() ?? "" : organisation.Key;
        if (!KeyShape().IsMatch(key)) errors.Add("Key", text["Admin.Organisations.Error.Key"]);
        else if (id is null && await db.Organisations.AnyAsync(o => o.Key == key)) errors.Add("Key", text["Admin.Organisations.Error.KeyTaken"]);
        var name = form.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200 || AdvisoryRules.HasControl(name, multiline: false)) errors.Add("Name", text["Admin.Editor.Error.Required"]);
        if (RegistryEditing.Blank(form.Website) is { } website && !RegistryEditing.IsWebUrl(website)) errors.Add("Website", text["Admin.Editor.Error.Url"]);
        if (errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", new OrganisationPage { Title = id is null ? text["Admin.Organisations.New"] : organisation.Name, Id = id, Form = form, Errors = errors });
        }
        organisation.Key = key;
        organisation.Name = name;
        organisation.Website = RegistryEditing.Blank(form.Website);
        if (id is null) db.Organisations.Add(organisation);
        audit.Add(AuditAction.OrganisationSaved, $"organisation {key}", name);
        await db.SaveChangesAsync();
        officials.Changed();
        await publicContent.ChangedAsync();
        return RedirectToAction("List", "Organisations", new { done = "organisation-saved" });
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex KeyShape();
}
