using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>Revisions and restore, corrections, the conflict page and the audit log.</summary>
public class HistoryTests(ClockedBackOfficeSite site) : IClassFixture<ClockedBackOfficeSite>
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, Action<Form> change)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        change(form);
        return await form.SubmitAsync(client, ("command", "save"));
    }

    [Fact]
    public async Task Every_save_is_a_revision_any_two_can_be_compared_and_one_restored_as_a_new_revision()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Body", "السطر الأول\nالسطر الثاني"));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, id, f => f.Set("Body", "السطر الأول\nسطر جديد").Set("Tags", "واتساب"))).StatusCode);

        var listResponse = await editor.GetAsync($"/admin/advisories/{id}/revisions");
        var list = await Html.ReadAsync(listResponse);
        Assert.True(list.QuerySelectorAll("tbody tr").Length == 2, (int)listResponse.StatusCode + " " + list.Body!.TextContent[..Math.Min(600, list.Body.TextContent.Length)]);
        Assert.Equal(2, list.QuerySelectorAll("tbody tr").Length);

        var revision1 = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}/revisions/1"));
        Assert.Contains("السطر الثاني", revision1.QuerySelector(".snapshot")!.TextContent);

        var compare = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}/revisions/compare?from=1&to=2"));
        Assert.Contains("السطر الثاني", compare.QuerySelector(".diff .removed")!.TextContent);
        Assert.Contains("سطر جديد", compare.QuerySelector(".diff .added")!.TextContent);
        Assert.Contains("السطر الأول", compare.QuerySelector(".diff .same")!.TextContent);
        Assert.Equal(2, compare.QuerySelectorAll("section.difference").Length); // body and tags changed, nothing else

        var restore = await Form.LoadAsync(editor, $"/admin/advisories/{id}/revisions/1", "form.restore");
        Assert.Equal(HttpStatusCode.Redirect, (await restore.SubmitAsync(editor)).StatusCode);
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Tags).SingleAsync(a => a.Id == id);
            Assert.Equal("السطر الأول\nالسطر الثاني", advisory.Body);
            Assert.Empty(advisory.Tags);
            var latest = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id).OrderByDescending(r => r.Number).FirstAsync();
            Assert.Equal((3, RevisionReason.Restore, 1), (latest.Number, latest.Reason, latest.RestoredFromNumber!.Value));
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.Restore && e.Target!.Contains(id.ToString())));
        });

        // Contributors may read the history but not restore.
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var readOnly = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{id}/revisions/1"));
        Assert.NotNull(readOnly.QuerySelector(".snapshot"));
        Assert.Null(readOnly.QuerySelector("form.restore"));
    }

    [Fact]
    public async Task Editing_a_published_advisory_asks_minor_or_correction_and_corrections_are_public()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "للتصحيح " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));
        await EditorSteps.PressAsync(editor, id, "publish");
        DateTime updatedAtPublish = default;
        await site.WithDatabaseAsync(async db => updatedAtPublish = (await db.Advisories.SingleAsync(a => a.Id == id)).UpdatedAt);

        // Without an answer, nothing is saved and the text is kept.
        var unanswered = await SaveAsync(editor, id, f => f.Set("Summary", "ملخص معدّل"));
        Assert.Equal(HttpStatusCode.BadRequest, unanswered.StatusCode);
        var page = await Html.ReadAsync(unanswered);
        Assert.NotNull(page.QuerySelector("#f-ChangeKind-error"));
        Assert.Equal("ملخص معدّل", page.QuerySelector("#f-Summary")!.TextContent);

        // A minor edit is saved quietly: no note, the public "updated" date stays.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, id, f => f.Set("Summary", "ملخص معدّل قليلًا").Set("ChangeKind", "minor"))).StatusCode);
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Corrections).SingleAsync(a => a.Id == id);
            Assert.Equal("ملخص معدّل قليلًا", advisory.Summary);
            Assert.Empty(advisory.Corrections);
            Assert.Equal(updatedAtPublish, advisory.UpdatedAt);
        });

        // A correction needs its note, then shows on the page, on /ar/corrections, and moves the updated date.
        var noNote = await SaveAsync(editor, id, f => f.Set("Body", "نص مصحح").Set("ChangeKind", "correction"));
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.NotNull((await Html.ReadAsync(noNote)).QuerySelector("#f-CorrectionNote-error"));

        site.FakeClock.Advance(TimeSpan.FromMinutes(5)); // so the new updated date is visibly later
        var corrected = await SaveAsync(editor, id, f => f.Set("Body", "نص مصحح").Set("ChangeKind", "correction")
            .Set("CorrectionNote", "صححنا رقم الهاتف الوارد في التحذير"));
        Assert.Equal($"/admin/advisories/{id}?done=corrected", corrected.Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Corrections).SingleAsync(a => a.Id == id);
            var correction = Assert.Single(advisory.Corrections);
            Assert.Equal(CorrectionKind.Correction, correction.Kind);
            Assert.True(advisory.UpdatedAt > updatedAtPublish);
            Assert.Equal(correction.PublishedAt, advisory.UpdatedAt);
        });

        var path = "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title));
        var article = await Html.ReadAsync(await site.Client().GetAsync(path));
        Assert.Contains("صححنا رقم الهاتف الوارد في التحذير", article.QuerySelector("#corrections")!.TextContent);

        var log = await site.Client().GetAsync("/ar/corrections");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.False(log.Headers.Contains("Set-Cookie"));
        var logPage = await Html.ReadAsync(log);
        var entry = logPage.QuerySelectorAll(".corrections-list li").Single(li => li.TextContent.Contains(title));
        Assert.Contains("صححنا رقم الهاتف الوارد في التحذير", entry.TextContent);
        Assert.NotNull(entry.QuerySelector("time[datetime]"));
        Assert.Equal(path + "#corrections", entry.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(title, (await Html.ReadAsync(await site.Client().GetAsync("/en/corrections"))).Body!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Client().GetAsync("/ar/corrections?page=-1")).StatusCode);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_the_second_sees_a_conflict_page_with_their_text_kept()
    {
        var (first, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (second, secondUser) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(first, f => f.Set("Body", "النص الأصلي"));

        // Both open the editor at the same version.
        var firstForm = await Form.LoadAsync(first, $"/admin/advisories/{id}", "#editor");
        var secondForm = await Form.LoadAsync(second, $"/admin/advisories/{id}", "#editor");

        firstForm.Set("Body", "نص المحرر الأول");
        Assert.Equal(HttpStatusCode.Redirect, (await firstForm.SubmitAsync(first, ("command", "save"))).StatusCode);

        secondForm.Set("Body", "نص المحرر الثاني الذي يجب ألا يضيع").Set("Title", "عنوان المحرر الثاني");
        var conflict = await secondForm.SubmitAsync(second, ("command", "save"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ReadAsync(conflict);
        // Their own text, intact, in the form…
        Assert.Equal("نص المحرر الثاني الذي يجب ألا يضيع", page.QuerySelector("#f-Body")!.TextContent);
        Assert.Equal("عنوان المحرر الثاني", page.QuerySelector("#f-Title")!.GetAttribute("value"));
        // …and the other editor's changes beside it.
        var panel = page.QuerySelector(".conflict")!;
        Assert.Contains("نص المحرر الأول", panel.TextContent);
        Assert.Contains("نص المحرر الثاني الذي يجب ألا يضيع", panel.TextContent);

        await site.WithDatabaseAsync(async db =>
        {
            Assert.Equal("نص المحرر الأول", (await db.Advisories.SingleAsync(a => a.Id == id)).Body);
            // Nothing lost even if the page is closed: the rejected text is kept in the history.
            var kept = await db.AdvisoryRevisions.SingleAsync(r => r.AdvisoryId == id && r.Reason == RevisionReason.Conflict);
            Assert.Equal(secondUser.Id, kept.SavedById);
            Assert.Equal("نص المحرر الثاني الذي يجب ألا يضيع", AdvisoryContent.FromJson(kept.Snapshot).Body);
        });

        // Saving from the conflict page (now based on the current version) succeeds.
        var retry = Form.Parse(await conflict.Content.ReadAsStringAsync(), "#editor");
        Assert.Equal(HttpStatusCode.Redirect, (await retry.SubmitAsync(second, ("command", "save"))).StatusCode);
        await site.WithDatabaseAsync(async db =>
            Assert.Equal("نص المحرر الثاني الذي يجب ألا يضيع", (await db.Advisories.SingleAsync(a => a.Id == id)).Body));
    }

    [Fact]
    public async Task Sign_in_and_every_workflow_step_are_in_the_audit_log_with_who_and_what()
    {
        var (editor, user) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (action, fields) in new (string, (string, string)[])[]
                 {
                     ("submit", []), ("schedule", [("at", tomorrow), ("timeZone", "UTC")]), ("unschedule", []), ("publish", []),
                 })
            Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, action, fields)).StatusCode);
        var correct = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        correct.Set("Summary", "ملخص مصحح").Set("ChangeKind", "correction").Set("CorrectionNote", "صححنا الملخص");
        Assert.Equal(HttpStatusCode.Redirect, (await correct.SubmitAsync(editor, ("command", "save"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "withdraw", ("reason", "سحب للاختبار"))).StatusCode);

        await site.WithDatabaseAsync(async db =>
        {
            var entries = await db.AuditLog.Where(e => e.Target!.Contains(id.ToString())).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(
                [AuditAction.Create, AuditAction.Submit, AuditAction.Schedule, AuditAction.Unschedule, AuditAction.Publish, AuditAction.Correction, AuditAction.Withdraw],
                entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal((user.Id, user.Email), (e.UserId, e.UserName)));
            Assert.Contains(tomorrow.Replace('T', ' '), entries.Single(e => e.Action == AuditAction.Schedule).Detail);
            Assert.Contains("صححنا الملخص", entries.Single(e => e.Action == AuditAction.Correction).Detail);
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.SignIn && e.UserId == user.Id));
        });
    }

    [Fact]
    public async Task Admins_read_the_audit_log_with_who_what_when_and_from_where()
    {
        var (editor, editorUser) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await EditorSteps.PressAsync(editor, id, "publish");
        await BackOfficeSite.SignInAsync(site.Browser(), editorUser.Email!, "a wrong password!!");

        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var page = await Html.ReadAsync(await admin.GetAsync("/admin/audit"));
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[1] == editorUser.Email && r[3].Contains(id.ToString()) && r[0].Length > 0);
        Assert.Contains(rows, r => r[1] == editorUser.Email && r[4] == "wrong password");
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r[2])));

        Assert.Equal("/admin/denied", (await editor.GetAsync("/admin/audit")).Headers.Location!.AbsolutePath);
    }
}

public class ImportedHistoryTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task An_advisory_that_came_from_content_files_keeps_its_original_as_the_first_revision()
    {
        var imported = await site.AddAdvisoryAsync(a => a.Body = "النص كما استُورد");
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{imported.Id}", "#editor");
        form.Set("Body", "نص معدّل").Set("ChangeKind", "minor");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(editor, ("command", "save"))).StatusCode);

        var compare = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{imported.Id}/revisions/compare?from=1&to=2"));
        Assert.Contains("النص كما استُورد", compare.QuerySelector(".diff .removed")!.TextContent);
        Assert.Contains("نص معدّل", compare.QuerySelector(".diff .added")!.TextContent);
    }
}
