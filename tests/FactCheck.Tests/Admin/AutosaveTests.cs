using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>
/// Server-side autosave as wwwroot/js/autosave.js uses it (the whole editor form posted to …/autosave): the copy
/// is the editor's own, comes back in the editor with keep / discard, and is never published, never a revision,
/// never in search or feeds, never changes the advisory.
/// </summary>
public class AutosaveTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    /// <summary>Posts the editor form of <paramref name="path"/>, changed, to its autosave address, as autosave.js does.</summary>
    public static async Task<HttpResponseMessage> AutosaveAsync(HttpClient client, string path, Action<Form> change)
    {
        var form = await Form.LoadAsync(client, path, "#editor");
        change(form);
        var autosave = form.Page.QuerySelector("#editor")!.GetAttribute("data-autosave-url")!;
        return await client.PostAsync(autosave, new FormUrlEncodedContent(form.Fields));
    }

    /// <summary>Everything stored about the advisory and everything readers can get of it.</summary>
    private async Task<string> EverythingAsync(Guid id, string word)
    {
        var stored = "";
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.AsNoTracking().Include(a => a.Indicators).Include(a => a.Sources).SingleAsync(a => a.Id == id);
            stored = JsonSerializer.Serialize(new
            {
                Row = db.Entry(advisory).Properties.ToDictionary(p => p.Metadata.Name, p => Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)),
                Revisions = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id).Select(r => r.Snapshot).ToListAsync(),
                Audit = await db.AuditLog.CountAsync(e => e.Target!.Contains(id.ToString())),
            });
        });
        var reader = site.Client();
        var path = "";
        await site.WithDatabaseAsync(async db => path = (await db.Advisories.SingleAsync(a => a.Id == id)).Path);
        var page = await (await reader.GetAsync(path)).Content.ReadAsStringAsync();
        var search = await Html.ReadAsync(await reader.GetAsync("/ar/search?q=" + Uri.EscapeDataString(word)));
        Assert.Empty(search.QuerySelectorAll(".results .result"));
        var feed = await (await reader.GetAsync("/ar/feed.atom")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(word, page + feed, StringComparison.Ordinal);
        return stored + page;
    }

    [Fact]
    public async Task A_copy_kept_while_typing_is_never_published_never_a_revision_and_comes_back_only_to_its_editor()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (colleague, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var word = "كلمةغيرمحفوظة" + Guid.NewGuid().ToString("N")[..6];
        var before = await EverythingAsync(id, word);

        var response = await AutosaveAsync(editor, $"/admin/advisories/{id}", f => f.Set("Body", f.Get("Body") + "\n\n" + word).Set("Title", "عنوان لم يُحفظ " + word));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var savedAt = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("savedAt").GetDateTime();
        Assert.InRange(savedAt, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(1));
        Assert.Equal(before, await EverythingAsync(id, word));

        // The editor gets it back in the form, with the choice; a colleague sees the advisory as stored.
        var mine = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        Assert.NotNull(mine.QuerySelector("#recovered #recovered-discard"));
        Assert.Contains(word, mine.QuerySelector("#f-Body")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(mine.QuerySelector("#recovered time[datetime]"));
        var theirs = await Html.ReadAsync(await colleague.GetAsync($"/admin/advisories/{id}"));
        Assert.Null(theirs.QuerySelector("#recovered"));
        Assert.DoesNotContain(word, theirs.QuerySelector("#f-Body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await EverythingAsync(id, word));

        // Discarded: gone. Typed again and saved: stored as any save, and the copy is gone.
        var discard = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#recovered-discard");
        Assert.EndsWith("done=autosave-discarded", (await discard.SubmitAsync(editor)).Headers.Location!.OriginalString);
        Assert.Null((await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"))).QuerySelector("#recovered"));
        Assert.Equal(HttpStatusCode.OK, (await AutosaveAsync(editor, $"/admin/advisories/{id}", f => f.Set("Body", word))).StatusCode);
        var keep = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        Assert.Equal(word, keep.Get("Body"));
        Assert.Equal(HttpStatusCode.Redirect, (await keep.Set("ChangeKind", "minor").SubmitAsync(editor, ("command", "save"))).StatusCode);
        Assert.Null((await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"))).QuerySelector("#recovered"));
        // Saved for real, readers find it (so the searches above could have found the copy, had it leaked).
        Assert.Single((await Html.ReadAsync(await site.Client().GetAsync("/ar/search?q=" + Uri.EscapeDataString(word)))).QuerySelectorAll(".results .result"));
        await site.WithDatabaseAsync(async db =>
        {
            Assert.Equal(word, (await db.Advisories.SingleAsync(a => a.Id == id)).Body);
            Assert.False(await db.Autosaves.AnyAsync(a => a.AdvisoryId == id));
        });
    }

    [Fact]
    public async Task A_copy_of_a_version_someone_else_saved_over_leads_to_the_conflict_page_not_over_their_change()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (colleague, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        Assert.Equal(HttpStatusCode.OK, (await AutosaveAsync(editor, $"/admin/advisories/{id}", f => f.Set("Body", "نصي الذي لم أحفظه"))).StatusCode);
        var theirs = await Form.LoadAsync(colleague, $"/admin/advisories/{id}", "#editor");
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.Set("Title", "عنوان الزميل").SubmitAsync(colleague, ("command", "save"))).StatusCode);

        var recovered = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        Assert.Contains("حفظ شخص آخر", recovered.Page.QuerySelector("#recovered")!.TextContent, StringComparison.Ordinal);
        var conflict = await recovered.SubmitAsync(editor, ("command", "save"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("نصي الذي لم أحفظه", (await Html.ReadAsync(conflict)).QuerySelector("#f-Body")!.TextContent);
        await site.WithDatabaseAsync(async db => Assert.Equal("عنوان الزميل", (await db.Advisories.SingleAsync(a => a.Id == id)).Title));
    }

    [Fact]
    public async Task A_new_advisory_never_saved_comes_back_on_New_and_its_copy_goes_once_it_is_created()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var title = "تحذير لم يُحفظ بعد " + Guid.NewGuid().ToString("N")[..6];
        var response = await AutosaveAsync(editor, "/admin/advisories/new?lang=ar", f => EditorSteps.FillMinimal(f, title));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var again = await EditorSteps.NewFormAsync(editor);
        Assert.Equal(title, again.Get("Title"));
        Assert.NotNull(again.Page.QuerySelector("#recovered"));
        var created = await again.SubmitAsync(editor, ("command", "save"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var fresh = await EditorSteps.NewFormAsync(editor);
        Assert.Null(fresh.Page.QuerySelector("#recovered"));
        Assert.Equal("", fresh.Get("Title"));
    }

    [Fact]
    public async Task Autosave_refuses_what_the_editor_may_not_change_and_what_is_too_long_and_keeps_nothing()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var form = await Form.LoadAsync(contributor, $"/admin/advisories/{id}", "#editor");

        var refused = await contributor.PostAsync($"/admin/advisories/{id}/autosave", new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var tooLong = await AutosaveAsync(editor, $"/admin/advisories/{id}", f => f.Set("Body", new string('x', Autosaves.MaxFormLength)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        var own = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        var unknown = await editor.PostAsync($"/admin/advisories/{Guid.NewGuid()}/autosave", new FormUrlEncodedContent(own.Fields));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await site.WithDatabaseAsync(async db => Assert.False(await db.Autosaves.AnyAsync(a => a.AdvisoryId == id)));
    }
}
