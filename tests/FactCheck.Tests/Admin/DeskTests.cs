using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>Notes, assignment, deleting one's own drafts, and the questions asked before publish, withdraw and delete.</summary>
public class DeskTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Notes_are_seen_by_the_desk_and_never_by_readers()
    {
        var (editor, me) = await site.SignedInAsync(EditorRoles.Editor);
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        const string secret = "مصدرنا في الشرطة طلب عدم ذكر اسمه 7f3a";
        var note = await Form.LoadAsync(contributor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/notes']");
        Assert.Equal(HttpStatusCode.Redirect, (await note.Set("note", secret).SubmitAsync(contributor)).StatusCode);
        var empty = await Form.LoadAsync(contributor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/notes']");
        Assert.Equal(HttpStatusCode.BadRequest, (await empty.Set("note", "  \n ").SubmitAsync(contributor)).StatusCode);

        var thread = (await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"))).QuerySelectorAll("#desk .note");
        Assert.Contains(secret, Assert.Single(thread).TextContent);

        // Published, with every public view of it checked: page, lists, feeds, search, preview link.
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var createLink = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/preview-links']");
        Assert.Equal(HttpStatusCode.Redirect, (await createLink.SubmitAsync(editor)).StatusCode);
        var link = (await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"))).QuerySelector("#preview-links input[readonly]")!.GetAttribute("value")!;
        string path = "";
        await site.WithDatabaseAsync(async db => path = (await db.Advisories.SingleAsync(a => a.Id == id)).Path);
        var reader = site.Client();
        foreach (var url in new[] { path, "/ar/", "/ar/advisories", "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json", "/ar/search?q=" + Uri.EscapeDataString("مصدرنا"), new Uri(link).AbsolutePath })
        {
            var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            var body = System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("7f3a", body);
        }
        await site.WithDatabaseAsync(async db =>
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.NoteAdded && e.Target!.Contains(id.ToString()))));
    }

    [Fact]
    public async Task Contributors_delete_their_own_drafts_but_not_a_colleague_s()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var (colleague, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var mine = await EditorSteps.CreateDraftAsync(contributor);
        var theirs = await EditorSteps.CreateDraftAsync(colleague);

        var theirPage = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{theirs}"));
        Assert.Null(theirPage.QuerySelector($"form[action='/admin/advisories/{theirs}/delete']"));
        var token = Form.Parse(theirPage.DocumentElement.OuterHtml, "#editor").Get("__RequestVerificationToken")!;
        var forged = await contributor.PostAsync($"/admin/advisories/{theirs}/delete", new FormUrlEncodedContent([new("version", "1"), new("__RequestVerificationToken", token)]));
        Assert.Equal("/admin/denied", forged.Headers.Location!.AbsolutePath);
        Assert.Equal("/admin/denied", (await contributor.GetAsync($"/admin/advisories/{theirs}/delete")).Headers.Location!.AbsolutePath);

        var deleted = await EditorSteps.PressAsync(contributor, mine, "delete");
        Assert.Equal("/admin/advisories?done=deleted", deleted.Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.False(await db.Advisories.AnyAsync(a => a.Id == mine));
            Assert.True(await db.Advisories.AnyAsync(a => a.Id == theirs));
        });
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("withdraw")]
    [InlineData("delete")]
    public async Task The_button_asks_first_on_a_page_that_works_without_javascript(string action)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "Bot «Резерв+» " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title).Set("Language", "uk"), lang: "uk");
        if (action == "withdraw") await EditorSteps.PressAsync(editor, id, "publish");
        async Task<AdvisoryStatus?> StatusAsync()
        {
            AdvisoryStatus? status = null;
            await site.WithDatabaseAsync(async db => status = await db.Advisories.Where(a => a.Id == id).Select(a => (AdvisoryStatus?)a.Status).FirstOrDefaultAsync());
            return status;
        }
        var before = await StatusAsync();

        // The editor's button is a plain GET form: following it changes nothing yet.
        var button = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/{action}']");
        Assert.Equal("get", button.Method);
        Assert.False(string.IsNullOrWhiteSpace(button.Page.QuerySelector($"form[action='/admin/advisories/{id}/{action}']")!.GetAttribute("data-confirm")));
        if (action == "withdraw") button.Set("reason", "تبيّن أن الرسالة حقيقية");
        var question = await editor.GetAsync(button.QueryUrl);
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Equal(before, await StatusAsync());

        // It names the advisory (isolated, in its own language) and holds the button that does it.
        var page = await Html.ReadAsync(question);
        var subject = page.QuerySelector("h1 bdi")!;
        Assert.Equal((title, "uk", "ltr"), (subject.TextContent, subject.GetAttribute("lang"), subject.GetAttribute("dir")));
        var confirm = Form.Parse(page.DocumentElement.OuterHtml, $"main form[method=post][action='/admin/advisories/{id}/{action}']");
        if (action == "withdraw") Assert.Equal("تبيّن أن الرسالة حقيقية", confirm.Get("reason"));
        Assert.NotNull(page.QuerySelector($"main a[href='/admin/advisories/{id}']")); // the way back

        Assert.Equal(HttpStatusCode.Redirect, (await confirm.SubmitAsync(editor)).StatusCode);
        Assert.Equal(action switch { "publish" => AdvisoryStatus.Published, "withdraw" => AdvisoryStatus.Withdrawn, _ => (AdvisoryStatus?)null }, await StatusAsync());
    }

    [Fact]
    public async Task An_assignment_shows_in_the_editor_and_filters_the_lists()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (contributor, colleague) = await site.SignedInAsync(EditorRoles.Contributor);
        var marker = "اسناد" + Guid.NewGuid().ToString("N")[..6];
        var assigned = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " أ"));
        await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " ب"));
        var assign = await Form.LoadAsync(editor, $"/admin/advisories/{assigned}", $"form[action='/admin/advisories/{assigned}/assignee']");
        Assert.Equal(HttpStatusCode.Redirect, (await assign.Set("assignee", colleague.Id).SubmitAsync(editor)).StatusCode);

        var editorPage = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{assigned}"));
        Assert.Equal(colleague.Id, editorPage.QuerySelector("#desk-assignee option[selected]")!.GetAttribute("value"));

        async Task<string[]> TitlesAsync(string query) =>
            (await Html.ReadAsync(await contributor.GetAsync("/admin/advisories?q=" + Uri.EscapeDataString(marker) + query)))
            .QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([marker + " أ"], await TitlesAsync("&assignee=me"));
        Assert.Equal([marker + " ب"], await TitlesAsync("&assignee=none"));
        Assert.Equal([marker + " أ", marker + " ب"], await TitlesAsync(""));

        // Assigned to nobody again.
        var unassign = await Form.LoadAsync(editor, $"/admin/advisories/{assigned}", $"form[action='/admin/advisories/{assigned}/assignee']");
        Assert.Equal(HttpStatusCode.Redirect, (await unassign.Set("assignee", "").SubmitAsync(editor)).StatusCode);
        Assert.Empty(await TitlesAsync("&assignee=me"));
    }
}
