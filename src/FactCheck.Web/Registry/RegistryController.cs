using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/registry: the indicator registry. Everyone in the back-office reads it; Editors and Admins change
/// it (<see cref="RegistryEditing"/>: revisions, audit, version check).
/// </summary>
[Route(BackOfficeSetup.PathBase + "/registry")]
public sealed class RegistryController(AppDbContext db, RegistryEditing editing, TimeProvider clock, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> List(string? q, string? type, string? status, int page = 1)
    {
        page = Math.Clamp(page, 1, 10_000);
        var entries = db.RegistryEntries.AsNoTracking().Include(e => e.History).ThenInclude(s => s.Organisation).AsQueryable();
        var query = (q ?? "").Trim();
        if (query.Length > 0)
        {
            // What an editor pastes is normalized like the reader's check box; anything else matches labels and values.
            var candidates = IndicatorNormalizer.Candidates(query).Select(c => c.Value).ToList();
            var like = "%" + query.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            entries = entries.Where(e => candidates.Contains(e.Value) || EF.Functions.Like(e.Value, like, "\\") || (e.Label != null && EF.Functions.Like(e.Label, like, "\\")));
        }
        if (Enum.TryParse<IndicatorType>(type, out var kind) && Enum.IsDefined(kind)) entries = entries.Where(e => e.Type == kind);
        var rows = await entries.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Skip((page - 1) * PageSize).Take(PageSize + 1).AsSplitQuery().ToListAsync();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var listed = rows.Take(PageSize).Select(e => (e, e.StatusOn(today)))
            .Where(x => !Enum.TryParse<ChannelStatus>(status, out var wanted) || x.Item2?.Status == wanted).ToList();
        return View("List", new RegistryListPage
        {
            Title = text["Admin.Registry.Title"], Query = query, Type = type, Status = status, Entries = listed, Page = page, HasMore = rows.Count > PageSize,
        });
    }

    [HttpGet("new"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> New(string? value, string? type) =>
        View("New", new RegistryNewPage
        {
            Title = text["Admin.Registry.New"], Organisations = await OrganisationsAsync(),
            Form = new EntryForm { Value = value, Type = type, Status = new StatusForm { Since = Today() } },
        });

    [HttpPost("new"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Create(EntryForm form)
    {
        var result = await editing.CreateAsync(form, CurrentActor);
        if (result.Outcome == Outcome.Done) return RedirectToAction("Show", "Registry", new { id = result.Entry!.Id, done = "registry-saved" });
        Response.StatusCode = result.Outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View("New", new RegistryNewPage { Title = text["Admin.Registry.New"], Organisations = await OrganisationsAsync(), Form = form, Errors = result.Errors! });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, string? done) =>
        await EntryPageAsync(id, new StatusForm { Since = Today() }, new FormErrors(), Notices.Text(done, text));

    [HttpPost("{id:int}/statuses"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> AddStatus(int id, int version, StatusForm form) =>
        await AfterChangeAsync(id, form, await editing.AddStatusAsync(id, version, form, CurrentActor));

    [HttpPost("{id:int}/statuses/{statusId:int}/delete"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> RemoveStatus(int id, int statusId, int version) =>
        await AfterChangeAsync(id, new StatusForm { Since = Today() }, await editing.RemoveStatusAsync(id, version, statusId, CurrentActor));

    [HttpPost("{id:int}/label"), Authorize(Policy = Can.Publish)]
    public async Task<IActionResult> Label(int id, int version, string? label) =>
        await AfterChangeAsync(id, new StatusForm { Since = Today() }, await editing.SetLabelAsync(id, version, label, CurrentActor));

    [HttpGet("{id:int}/revisions")]
    public Task<IActionResult> Revisions(int id) => RevisionsPageAsync(id, null);

    [HttpGet("{id:int}/revisions/{number:int}")]
    public Task<IActionResult> Revision(int id, int number) => RevisionsPageAsync(id, number);

    private async Task<IActionResult> RevisionsPageAsync(int id, int? number)
    {
        var entry = await db.RegistryEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null) return NotFoundPage();
        var revisions = await db.RegistryRevisions.AsNoTracking().Where(r => r.EntryId == id).OrderByDescending(r => r.Number).ToListAsync();
        var shown = number is { } n ? revisions.FirstOrDefault(r => r.Number == n) : null;
        if (number is not null && shown is null) return NotFoundPage();
        return View("Revisions", new RegistryRevisionsPage { Title = text["Admin.Registry.Revisions"], Entry = entry, Revisions = revisions, Shown = shown });
    }

    private async Task<IActionResult> AfterChangeAsync(int id, StatusForm form, RegistryResult result) => result.Outcome switch
    {
        Outcome.Done => RedirectToAction("Show", "Registry", new { id, done = "registry-saved" }),
        Outcome.NotFound when result.Entry is null => NotFoundPage(),
        Outcome.Conflict => await EntryPageAsync(id, form, Error(text["Admin.Registry.Error.Conflict"]), null, StatusCodes.Status409Conflict),
        _ => await EntryPageAsync(id, form, result.Errors ?? Error(text["Admin.Editor.Error.Choice"]), null, StatusCodes.Status400BadRequest),
    };

    private async Task<IActionResult> EntryPageAsync(int id, StatusForm form, FormErrors errors, string? notice, int status = StatusCodes.Status200OK)
    {
        var entry = await db.RegistryEntries.AsNoTracking().Include(e => e.History).ThenInclude(s => s.Organisation).FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null) return NotFoundPage();
        var advisories = await db.Indicators.Where(i => i.Type == entry.Type && i.Normalized == entry.Value)
            .Select(i => new { i.Advisory!.Id, i.Advisory.Title, i.Advisory.Status, i.Advisory.Language }).Distinct().ToListAsync();
        Response.StatusCode = status;
        return View("Entry", new RegistryEntryPage
        {
            Title = entry.Value, Notice = notice, Entry = entry, Organisations = await OrganisationsAsync(),
            Advisories = advisories.Select(a => (a.Id, a.Title, a.Status, a.Language)).ToList(), Form = form, Errors = errors, CanEdit = CanPublish,
        });
    }

    private static FormErrors Error(string message)
    {
        var errors = new FormErrors();
        errors.Add("Status", message);
        return errors;
    }

    private Task<List<Organisation>> OrganisationsAsync() => db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync();

    private string Today() => AdvisoryForm.Date(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    private IActionResult NotFoundPage() => Message(StatusCodes.Status404NotFound, text["Error.NotFound"], text["Admin.Registry.NotFound"]);
}
