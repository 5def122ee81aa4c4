using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>Platforms (add, names in three languages, merge) and tags (rename, merge), with old addresses redirected.</summary>
public class TaxonomyTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static string Unique(string what) => what + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<Guid> PublishedAsync(HttpClient editor, Action<Form> fill, string lang = "ar")
    {
        var id = await EditorSteps.CreateDraftAsync(editor, fill, lang);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        return id;
    }

    private async Task<string> PathAsync(Guid id)
    {
        var path = "";
        await site.WithDatabaseAsync(async db => path = (await db.Advisories.SingleAsync(a => a.Id == id)).Path);
        return path;
    }

    private async Task<int> AddPlatformAsync(HttpClient editor, string key, string name, string? nameAr = null, string? nameUk = null)
    {
        var form = await Form.LoadAsync(editor, "/admin/platforms");
        form.Set("Key", key).Set("Name", name).Set("NameAr", nameAr ?? "").Set("NameUk", nameUk ?? "");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(editor)).StatusCode);
        var id = 0;
        await site.WithDatabaseAsync(async db => id = (await db.Platforms.SingleAsync(p => p.Key == key)).Id);
        return id;
    }

    private static void AssertMoved(HttpResponseMessage response, string to)
    {
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(to, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_platform_added_with_three_names_shows_each_language_its_own_and_renaming_keeps_its_address()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var key = Unique("diia");
        var platformId = await AddPlatformAsync(editor, key, "Diia", "ديا", "Дія");
        var arabic = await PublishedAsync(editor, f => f.Add("Platforms", key));
        var ukrainian = await PublishedAsync(editor, f => f.Add("Platforms", key).Set("Language", "uk"), "uk");
        var reader = site.Client();

        async Task<string> ChipAsync(Guid id) =>
            (await Html.ReadAsync(await reader.GetAsync(await PathAsync(id)))).QuerySelector($"a.chip[href$='platform={key}']")!.TextContent.Trim();
        Assert.Equal("ديا", await ChipAsync(arabic));
        Assert.Equal("Дія", await ChipAsync(ukrainian));
        Assert.Contains("<category term=\"" + key + "\"", await reader.GetStringAsync("/ar/feed.atom"));
        Assert.Contains("label=\"ديا\"", await reader.GetStringAsync("/ar/feed.atom"));

        var rename = await Form.LoadAsync(editor, $"/admin/platforms/{platformId}");
        Assert.Equal(HttpStatusCode.Redirect, (await rename.Set("Name", "Diia app").Set("NameAr", "تطبيق ديا").Set("NameUk", "").SubmitAsync(editor)).StatusCode);
        Assert.Equal("تطبيق ديا", await ChipAsync(arabic));
        Assert.Equal("Diia app", await ChipAsync(ukrainian)); // no Ukrainian name: the English one
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/ar/advisories?platform={key}")).StatusCode);

        // A name with a comma or nothing at all is refused, and the typed names stay in the form.
        var bad = await Form.LoadAsync(editor, $"/admin/platforms/{platformId}");
        var refused = await bad.Set("Name", "").Set("NameAr", "اسم، بفاصلة").SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("اسم، بفاصلة", Form.Parse(await refused.Content.ReadAsStringAsync()).Get("NameAr"));
    }

    [Fact]
    public async Task A_renamed_tag_s_old_list_and_feeds_move_permanently_to_the_new_ones()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (oldName, newName, newest) = (Unique("بوت"), Unique("بوتات"), Unique("روبوتات"));
        var id = await PublishedAsync(editor, f => f.Set("Tags", oldName));
        var openForm = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor"); // opened before the rename
        int tagId = 0;
        await site.WithDatabaseAsync(async db => tagId = (await db.Tags.SingleAsync(t => t.Name == oldName)).Id);

        var rename = await Form.LoadAsync(editor, $"/admin/tags/{tagId}");
        Assert.Equal(HttpStatusCode.Redirect, (await rename.Set("name", newName).SubmitAsync(editor)).StatusCode);

        var reader = site.Client();
        var (oldEscaped, newEscaped) = (Uri.EscapeDataString(oldName), Uri.EscapeDataString(newName));
        AssertMoved(await reader.GetAsync($"/ar/advisories?tag={oldEscaped}&page=1"), $"/ar/advisories?tag={newEscaped}");
        foreach (var format in new[] { "rss", "atom", "json" })
            AssertMoved(await reader.GetAsync($"/uk/tag/{oldEscaped}/feed.{format}"), $"/uk/tag/{newEscaped}/feed.{format}");
        var list = await reader.GetStringAsync($"/ar/advisories?tag={newEscaped}");
        Assert.Contains(await PathAsync(id), list);

        // The form opened before the rename does not bring the old tag back: it gets the conflict page.
        openForm.Set("Summary", "ملخص بعد إعادة التسمية").Set("ChangeKind", "minor");
        Assert.Equal(HttpStatusCode.Conflict, (await openForm.SubmitAsync(editor, ("command", "save"))).StatusCode);
        await site.WithDatabaseAsync(async db => Assert.False(await db.Tags.AnyAsync(t => t.Name == oldName)));

        // Renamed again: the first name leads straight to the newest (no chain of redirects).
        var again = await Form.LoadAsync(editor, $"/admin/tags/{tagId}");
        Assert.Equal(HttpStatusCode.Redirect, (await again.Set("name", newest).SubmitAsync(editor)).StatusCode);
        AssertMoved(await reader.GetAsync($"/ar/advisories?tag={oldEscaped}"), $"/ar/advisories?tag={Uri.EscapeDataString(newest)}");

        // A new tag with the first name is a tag of its own again: its list is no longer redirected.
        var revived = await PublishedAsync(editor, f => f.Set("Tags", oldName));
        var revivedList = await reader.GetAsync($"/ar/advisories?tag={oldEscaped}");
        Assert.Equal(HttpStatusCode.OK, revivedList.StatusCode);
        Assert.Contains(await PathAsync(revived), await revivedList.Content.ReadAsStringAsync());
        await site.WithDatabaseAsync(async db =>
            Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == AuditAction.TagRenamed && (e.Target == "tag " + oldName || e.Target == "tag " + newName))));
    }

    [Fact]
    public async Task Merging_tags_moves_their_advisories_and_a_rename_onto_an_existing_tag_is_refused()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (from, into) = (Unique("احتيال-واتساب"), Unique("واتساب"));
        var onlyFrom = await PublishedAsync(editor, f => f.Set("Tags", from));
        var both = await PublishedAsync(editor, f => f.Set("Tags", from + ", " + into));
        int fromId = 0;
        await site.WithDatabaseAsync(async db => fromId = (await db.Tags.SingleAsync(t => t.Name == from)).Id);

        var rename = await Form.LoadAsync(editor, $"/admin/tags/{fromId}");
        var refused = await rename.Set("name", into).SubmitAsync(editor);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(into, Form.Parse(await refused.Content.ReadAsStringAsync(), $"main form[action='/admin/tags/{fromId}']").Get("name"));

        var merge = await Form.LoadAsync(editor, $"/admin/tags/{fromId}", $"form[action='/admin/tags/{fromId}/merge']");
        Assert.Equal(HttpStatusCode.Redirect, (await merge.Set("into", into).SubmitAsync(editor)).StatusCode);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.False(await db.Tags.AnyAsync(t => t.Name == from));
            foreach (var id in new[] { onlyFrom, both })
                Assert.Equal([into], await db.Advisories.Where(a => a.Id == id).SelectMany(a => a.Tags).Select(t => t.Name).ToListAsync());
        });
        AssertMoved(await site.Client().GetAsync($"/en/advisories?tag={Uri.EscapeDataString(from)}"), $"/en/advisories?tag={Uri.EscapeDataString(into)}");
        // The search index knows the new tag: the public search finds both by it.
        var results = await site.Client().GetStringAsync("/ar/search?q=" + Uri.EscapeDataString(into));
        Assert.Contains(await PathAsync(onlyFrom), results);
    }

    [Fact]
    public async Task Merging_platforms_moves_their_advisories_and_redirects_the_old_list_and_feeds()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var key = Unique("telegram-bots");
        var fromId = await AddPlatformAsync(editor, key, "Telegram bots");
        var onlyFrom = await PublishedAsync(editor, f => f.Add("Platforms", key));
        var both = await PublishedAsync(editor, f => f.Add("Platforms", key).Add("Platforms", "telegram"));
        int telegram = 0;
        await site.WithDatabaseAsync(async db => telegram = (await db.Platforms.SingleAsync(p => p.Key == "telegram")).Id);

        var merge = await Form.LoadAsync(editor, $"/admin/platforms/{fromId}", $"form[action='/admin/platforms/{fromId}/merge']");
        Assert.Equal(HttpStatusCode.Redirect, (await merge.Set("into", telegram.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(editor)).StatusCode);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.False(await db.Platforms.AnyAsync(p => p.Key == key));
            foreach (var id in new[] { onlyFrom, both })
                Assert.Equal(["telegram"], await db.Advisories.Where(a => a.Id == id).SelectMany(a => a.Platforms).Select(p => p.Key).ToListAsync());
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.PlatformMerged && e.Target == "platform " + key));
        });
        var reader = site.Client();
        AssertMoved(await reader.GetAsync($"/ar/advisories?platform={key}&verdict=scam&page=2"), "/ar/advisories?verdict=scam&platform=telegram&page=2");
        AssertMoved(await reader.GetAsync($"/uk/platform/{key}/feed.atom"), "/uk/platform/telegram/feed.atom");
        Assert.Contains(await PathAsync(onlyFrom), await reader.GetStringAsync("/ar/advisories?platform=telegram"));
        // Merging into itself or into nothing is refused.
        var self = await Form.LoadAsync(editor, $"/admin/platforms/{telegram}", $"form[action='/admin/platforms/{telegram}/merge']");
        Assert.Equal(HttpStatusCode.BadRequest, (await self.Set("into", telegram.ToString(System.Globalization.CultureInfo.InvariantCulture)).SubmitAsync(editor)).StatusCode);
    }
}
