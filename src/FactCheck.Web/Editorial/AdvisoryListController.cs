using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/advisories (every advisory, newest change first) and /admin/review (the review queue, oldest first):
/// search and filters over drafts and published work, and bulk actions on the ticked rows. The search matches
/// words of the title, summary, body, claim and address, and indicators read the way /check reads them, so a bot
/// handle or a number finds its advisory however it is typed.
/// </summary>
public sealed class AdvisoryListController(
    AppDbContext db, AdvisoryWorkflow workflow, Desk desk, IStringLocalizer<SharedResource> text) : BackOfficeController
{
    private const int PageSize = 50;
    private const int MaxBulk = 100;

    [HttpGet(BackOfficeSetup.PathBase + "/advisories")]
    public Task<IActionResult> List(AdvisoryListQuery filter, string? done, string? bulk) => ListAsync(filter, reviewQueue: false, done, bulk);

    [HttpGet(BackOfficeSetup.PathBase + "/review")]
    public Task<IActionResult> Review(AdvisoryListQuery filter, string? done, string? bulk) => ListAsync(filter, reviewQueue: true, done, bulk);

    private async Task<IActionResult> ListAsync(AdvisoryListQuery filter, bool reviewQueue, string? done, string? bulk)
    {
        var ratings = await db.Ratings.OrderBy(r => r.Position).ToListAsync();
        var platforms = await db.Platforms.OrderBy(p => p.Name).ToListAsync();
        var members = await desk.MembersAsync();
        var query = db.Advisories.AsQueryable();

        if (reviewQueue) filter.Status = nameof(AdvisoryStatus.InReview);
        if (Enum.TryParse<AdvisoryStatus>(filter.Status, out var status) && Enum.IsDefined(status) && !int.TryParse(filter.Status, out _))
            query = query.Where(a => a.Status == status);
        else filter.Status = null;
        if (SiteLanguage.Find(filter.Lang) is { } language) query = query.Where(a => a.Language == language.Code);
        else filter.Lang = null;
        if (ratings.Any(r => r.Key == filter.Verdict)) query = query.Where(a => a.Rating!.Key == filter.Verdict);
        else filter.Verdict = null;
        if (platforms.Any(p => p.Key == filter.Platform)) query = query.Where(a => a.Platforms.Any(p => p.Key == filter.Platform));
        else filter.Platform = null;

        var me = CurrentUserId;
        switch (filter.Assignee)
        {
            case "me":
                query = query.Where(a => db.Assignments.Any(x => x.AdvisoryId == a.Id && x.UserId == me));
                break;
            case "none":
                query = query.Where(a => !db.Assignments.Any(x => x.AdvisoryId == a.Id));
                break;
            case { } someone when members.Any(m => m.Id == someone):
                query = query.Where(a => db.Assignments.Any(x => x.AdvisoryId == a.Id && x.UserId == someone));
                break;
            default:
                filter.Assignee = null;
                break;
        }
        if (Usable(filter.Author) is { } author) query = query.Where(a => a.Authors.Any(x => x.Name.Contains(author)));
        else filter.Author = null;
        if (Usable(filter.Q) is { } term)
        {
            var listing = await IndicatorCheck.AdvisoriesListingAsync(db, term);
            query = query.Where(ContainsWords(term, listing));
        }
        else filter.Q = null;

        var total = await query.CountAsync();
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, totalPages);
        var ordered = reviewQueue ? query.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id) : query.OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id);
        var rows = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AdvisoryListRow(a.Id, a.Title, a.Language, a.Kind, a.Status, a.UpdatedAt, a.Rating!.Key,
                db.Assignments.Where(x => x.AdvisoryId == a.Id).Select(x => x.User!.DisplayName).FirstOrDefault()))
            .ToListAsync();

        return View("List", new AdminAdvisoryListPage
        {
            Title = text[reviewQueue ? "Admin.Review.Title" : "Admin.List.Title"],
            Notice = BulkNotice(bulk) ?? Notices.Text(done, text),
            Rows = rows, Filter = filter, IsReviewQueue = reviewQueue, Page = page, TotalPages = totalPages, Total = total,
            Ratings = ratings, Platforms = platforms, Members = members,
            Authors = await db.Authors.OrderBy(a => a.Name).Select(a => a.Name).Take(500).ToListAsync(),
        });
    }

    /// <summary>
    /// Applies one action to every ticked advisory, each in its own transaction through the same paths as the
    /// editor (the workflow, the desk); whatever the person may not do to one of them is skipped and counted.
    /// </summary>
    [HttpPost(BackOfficeSetup.PathBase + "/advisories/bulk")]
    public async Task<IActionResult> Bulk(List<Guid> ids, string? action, string? assignee, string? tag, string? returnUrl)
    {
        // Back to the list the person came from (with its filters), never to another site or page.
        var list = Url.Action(nameof(List))!;
        var review = Url.Action(nameof(Review))!;
        var back = returnUrl is not null && (returnUrl.StartsWith(list, StringComparison.Ordinal) || returnUrl.StartsWith(review, StringComparison.Ordinal))
            && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : list;
        var tagName = tag?.Trim() ?? "";
        var problem = (action, ids.Count) switch
        {
            (_, 0) => "Admin.Bulk.Error.NoneTicked",
            (_, > MaxBulk) => "Admin.Bulk.Error.TooMany",
            ("tag", _) when tagName.Length is 0 or > 100 || AdvisoryRules.HasControl(tagName, multiline: false) || tagName.Any(c => c is ',' or '،') => "Admin.Bulk.Error.Tag",
            ("assign", _) when !string.IsNullOrEmpty(assignee) && !(await desk.MembersAsync()).Any(m => m.Id == assignee) => "Admin.Bulk.Error.Assignee",
            ("assign" or "tag" or "submit", _) => null,
            _ => "Admin.Bulk.Error.Action",
        };
        if (problem is not null) return Message(StatusCodes.Status400BadRequest, text["Admin.Bulk.Title"], text[problem]);

        int done = 0, skipped = 0;
        foreach (var id in ids.Distinct())
        {
            var ok = action switch
            {
                "assign" => await desk.AssignAsync(id, string.IsNullOrEmpty(assignee) ? null : assignee, CurrentActor) == Outcome.Done,
                "tag" => await TagAsync(id, tagName),
                _ => await SubmitAsync(id),
            };
            if (ok) done++;
            else skipped++;
            db.ChangeTracker.Clear();
        }
        return Redirect(back + (back.Contains('?') ? "&" : "?") + "bulk=" + done.ToString(CultureInfo.InvariantCulture) + "-" + skipped.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds a tag through the editor's own save (a revision; a minor edit when published).</summary>
    private async Task<bool> TagAsync(Guid id, string tag)
    {
        var advisory = await workflow.LoadAsync(id);
        if (advisory is null || !AdvisoryWorkflow.MayEdit(advisory, CanPublish)) return false;
        if (advisory.Tags.Any(t => t.Name == tag)) return true;
        var form = AdvisoryForm.From(AdvisoryContent.Of(advisory), advisory.Version);
        form.Tags = string.Join(", ", AdvisoryForm.CommaList(form.Tags).Append(tag));
        if (advisory.Status == AdvisoryStatus.Published) form.ChangeKind = "minor";
        db.ChangeTracker.Clear();
        return (await workflow.SaveAsync(id, form, CurrentActor, CanPublish)).Outcome == Outcome.Done;
    }

    private async Task<bool> SubmitAsync(Guid id)
    {
        var version = await db.Advisories.Where(a => a.Id == id && a.Status == AdvisoryStatus.Draft).Select(a => (int?)a.Version).FirstOrDefaultAsync();
        return version is not null && (await workflow.SubmitAsync(id, version.Value, CurrentActor)).Outcome == Outcome.Done;
    }

    private string? BulkNotice(string? bulk) =>
        bulk?.Split('-') is [var done, var skipped] && int.TryParse(done, CultureInfo.InvariantCulture, out var d) && int.TryParse(skipped, CultureInfo.InvariantCulture, out var s)
            ? string.Format(CultureInfo.CurrentCulture, text[s == 0 ? "Admin.Bulk.Done" : "Admin.Bulk.DoneSkipped"], d, s)
            : null;

    /// <summary>
    /// Words in any text field (case-insensitive: ILIKE on PostgreSQL; on SQLite LIKE, which folds Latin letters
    /// only), or one of the advisories whose indicators the term reads as.
    /// </summary>
    private System.Linq.Expressions.Expression<Func<Advisory, bool>> ContainsWords(string term, IReadOnlyList<Guid> listing)
    {
        var pattern = "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return DatabaseSetup.Of(db) == DatabaseProvider.Postgres
            ? a => EF.Functions.ILike(a.Title, pattern, @"\") || EF.Functions.ILike(a.Slug, pattern, @"\") || EF.Functions.ILike(a.Summary, pattern, @"\") ||
                   EF.Functions.ILike(a.Body, pattern, @"\") || EF.Functions.ILike(a.ClaimText!, pattern, @"\") || EF.Functions.ILike(a.Claimant!, pattern, @"\") ||
                   listing.Contains(a.Id)
            : a => EF.Functions.Like(a.Title, pattern, @"\") || EF.Functions.Like(a.Slug, pattern, @"\") || EF.Functions.Like(a.Summary, pattern, @"\") ||
                   EF.Functions.Like(a.Body, pattern, @"\") || EF.Functions.Like(a.ClaimText, pattern, @"\") || EF.Functions.Like(a.Claimant, pattern, @"\") ||
                   listing.Contains(a.Id);
    }

    /// <summary>A control character cannot be in any field; PostgreSQL also refuses NUL in a parameter.</summary>
    private static string? Usable(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 200 && !value.Any(char.IsControl) ? value.Trim() : null;
}
