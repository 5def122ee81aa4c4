using System.Net;
using Microsoft.EntityFrameworkCore;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests.Transparency;

/// <summary>The IFCN transparency pages: in every language, linked from every page, edited by Admins with every save kept.</summary>
public class TransparencyPagesTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("uk", "ltr")]
    [InlineData("en", "ltr")]
    public async Task Every_transparency_page_exists_in_every_language_and_the_footer_and_methodology_link_it(string lang, string dir)
    {
        var home = await Html.ReadAsync(await site.Client().GetAsync($"/{lang}/"));
        var methodology = await Html.ReadAsync(await site.Client().GetAsync($"/{lang}/methodology"));
        foreach (var key in TransparencyPage.Keys)
        {
            Assert.NotNull(home.QuerySelector($"footer a[href='/{lang}/{key}']"));
            Assert.NotNull(methodology.QuerySelector($"main a[href='/{lang}/{key}']"));
            var response = await site.Client().GetAsync($"/{lang}/{key}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.Equal((lang, dir), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main h1")!.TextContent));
            Assert.NotEmpty(page.QuerySelectorAll("main .advisory-body p"));
        }
        // The methodology defines every verdict in words.
        foreach (var rating in DefaultData.Ratings)
            Assert.Equal(rating.Description(lang), methodology.QuerySelector($"#rating-{rating.Key} .meaning")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_admin_edits_a_page_readers_see_it_at_once_and_every_save_is_kept_and_can_be_loaded_again()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var form = await Form.LoadAsync(admin, "/admin/pages/funding/uk");
        var original = form.Get("Body")!;
        form.Set("Title", "Фінансування та власність редакції").Set("Body", "Нас фінансує **Фонд Прикладу** (60%) і читачі (40%).");
        Assert.Equal("/admin/pages?done=page-saved", (await form.SubmitAsync(admin)).Headers.Location!.OriginalString);

        var page = await Html.ReadAsync(await site.Client().GetAsync("/uk/funding"));
        Assert.Equal("Фінансування та власність редакції", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Фонд Прикладу", page.QuerySelector("main .advisory-body strong")!.TextContent);

        // The first version is kept: put back into the form, it can be saved again.
        int revisionId = 0;
        await site.WithDatabaseAsync(async db =>
        {
            var revisions = await db.TransparencyPageRevisions.Where(r => r.Key == "funding" && r.Language == "uk").ToListAsync();
            Assert.Single(revisions);
            revisionId = revisions[0].Id;
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.TransparencyPageChanged && e.Target == "page funding (uk)"));
        });
        form = await Form.LoadAsync(admin, "/admin/pages/funding/uk");
        form.Set("Body", original);
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(admin)).StatusCode);
        var loaded = await Form.LoadAsync(admin, $"/admin/pages/funding/uk?revision={revisionId}");
        Assert.Equal("Нас фінансує **Фонд Прикладу** (60%) і читачі (40%).", loaded.Get("Body"));
    }

    [Fact]
    public async Task A_refused_or_conflicting_save_keeps_the_admins_text_and_overwrites_nothing()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var first = await Form.LoadAsync(admin, "/admin/pages/contact/ar");
        var second = await Form.LoadAsync(admin, "/admin/pages/contact/ar");

        first.Set("Title", "");
        var refused = await first.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector("#f-Title-error"));

        first.Set("Title", "اتصل بنا الآن").Set("Body", "راسلنا على desk@factcheck.example.");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(admin)).StatusCode);
        second.Set("Body", "نص آخر كتبه مسؤول ثانٍ.");
        var conflict = await second.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ReadAsync(conflict);
        Assert.Equal("نص آخر كتبه مسؤول ثانٍ.", page.QuerySelector("#f-Body")!.TextContent);
        Assert.Contains("desk@factcheck.example", page.QuerySelector(".conflict-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("desk@factcheck.example", await site.Client().GetStringAsync("/ar/contact"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_edit_the_pages()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        // Sent to the access-denied page, as for every Admin-only page (AuthorizationTests).
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync("/admin/pages/about/en")).StatusCode);
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/pages/nonsense/en")).StatusCode);
    }
}
