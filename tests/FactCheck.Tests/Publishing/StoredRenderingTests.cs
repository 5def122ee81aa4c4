using System.Net;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace FactCheck.Tests.Publishing;

/// <summary>
/// Advisory pages and feeds are served from the rendering stored when the advisory was saved
/// (Rendering/RenderedHtml.cs). These prove the stored copy is what readers get, that it is never
/// stale after an edit, a correction or a renderer upgrade, and that it equals a fresh render.
/// </summary>
public class StoredRenderingTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, Action<Form> change)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        change(form);
        return await form.SubmitAsync(client, ("command", "save"));
    }

    private async Task<(HttpClient Editor, Guid Id, string Path)> PublishedAsync(string body)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "تحذير مخزن " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title).Set("Body", body));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        return (editor, id, "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title)));
    }

    private Task<RenderedAdvisory?> StoredAsync(Guid id) =>
        site.WithServiceAsync(async services =>
        {
            using var scope = services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<RenderedAdvisory>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.AdvisoryId == id);
        });

    private Task SetStoredAsync(Guid id, string version, string bodyHtml) =>
        site.WithDatabaseAsync(db => db.Set<RenderedAdvisory>().Where(r => r.AdvisoryId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RendererVersion, version).SetProperty(r => r.BodyHtml, bodyHtml)));

    [Fact]
    public async Task Readers_get_the_stored_rendering_when_it_is_of_the_current_renderer()
    {
        var (_, id, path) = await PublishedAsync("نص **أصلي** للتحذير");
        var stored = await StoredAsync(id);
        Assert.NotNull(stored);
        Assert.Equal(RenderedHtml.Current, stored.RendererVersion);
        Assert.Contains("<strong>أصلي</strong>", stored.BodyHtml);

        // Changed in the database only: the page and the feed show the stored copy, so it is what they read.
        await SetStoredAsync(id, RenderedHtml.Current, "<p>nothing-but-the-stored-copy</p>");
        Assert.Contains("nothing-but-the-stored-copy", await site.Client().GetStringAsync(path));
        Assert.Contains("nothing-but-the-stored-copy", await site.Client().GetStringAsync("/ar/feed.rss"));
    }

    [Fact]
    public async Task An_edit_re_renders_the_stored_body_and_readers_see_the_new_text()
    {
        var (editor, id, path) = await PublishedAsync("الصيغة الأولى من النص");
        Assert.Contains("الصيغة الأولى", await site.Client().GetStringAsync(path));

        var saved = await SaveAsync(editor, id, f => f.Set("Body", "الصيغة **الثانية** من النص").Set("ChangeKind", "minor"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await site.Client().GetStringAsync(path);
        Assert.Contains("<strong>الثانية</strong>", page);
        Assert.DoesNotContain("الصيغة الأولى", page);
        Assert.DoesNotContain("الصيغة الأولى", await site.Client().GetStringAsync("/ar/feed.atom"));
        Assert.Contains("<strong>الثانية</strong>", (await StoredAsync(id))!.BodyHtml);
    }

    [Fact]
    public async Task A_correction_is_in_the_stored_rendering_the_page_and_the_feed()
    {
        var (editor, id, path) = await PublishedAsync("رقم الاحتيال المذكور في النص");
        var note = "صححنا رقم الهاتف " + Guid.NewGuid().ToString("N")[..6];
        var saved = await SaveAsync(editor, id, f => f.Set("Body", "رقم الاحتيال الصحيح في النص").Set("ChangeKind", "correction").Set("CorrectionNote", note));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Contains(note, AdvisoryParts.FromJson((await StoredAsync(id))!.Parts).Corrections.Single().Note);
        var page = await Html.ReadAsync(await site.Client().GetAsync(path));
        Assert.Contains(note, page.QuerySelector("#corrections")!.TextContent);
        Assert.Contains("الصحيح", page.QuerySelector(".advisory-body")!.TextContent);
        Assert.Contains(note, await site.Client().GetStringAsync("/ar/feed.json"));
    }

    [Fact]
    public async Task A_rendering_of_another_renderer_version_is_never_served_and_is_redone_on_start()
    {
        var (_, id, path) = await PublishedAsync("نص **حالي** بعد الترقية");
        // As after a deployment that changed Markdown, sanitizer or bidi output: the stored row is older.
        await SetStoredAsync(id, "0.before-upgrade", "<p>rendered-by-the-old-renderer</p>");

        var page = await site.Client().GetStringAsync(path);
        Assert.DoesNotContain("rendered-by-the-old-renderer", page);
        Assert.Contains("<strong>حالي</strong>", page);
        Assert.DoesNotContain("rendered-by-the-old-renderer", await site.Client().GetStringAsync("/ar/feed.rss"));

        // The next start renders every stale row again (StaleRenderings, a hosted service of every instance).
        using var restarted = new TwoInstances.Instance(site.DataPath, site.Database, new FakeTimeProvider(DateTimeOffset.UtcNow), "restarted");
        var rendering = restarted.Services.GetServices<IHostedService>().OfType<StaleRenderings>().Single();
        await rendering.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(RenderedHtml.Current, (await StoredAsync(id))!.RendererVersion);
        Assert.Contains("<strong>حالي</strong>", (await StoredAsync(id))!.BodyHtml);
    }
}

/// <summary>The same over the sample content, imported on start as on a fresh install.</summary>
public class StoredSampleRenderingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_sample_advisory_page_is_the_same_from_storage_as_rendered_afresh()
    {
        // The imported sample content covers screenshots, indicators, sources, corrections, tags, authors and translations.
        var paths = new List<string>();
        await site.WithDatabaseAsync(async db => paths = await db.PublishedAdvisories.Select(a => "/" + a.Language + "/advisories/" + a.Slug).ToListAsync());
        // The importer renders too (through PublishingEvents): every sample advisory has a current row.
        await site.WithDatabaseAsync(async db =>
            Assert.Equal(await db.Advisories.CountAsync(), await db.Set<RenderedAdvisory>().CountAsync(r => r.RendererVersion == RenderedHtml.Current)));
        Assert.True(paths.Count >= 8, "the sample content should be imported");
        var fromStorage = new Dictionary<string, string>();
        foreach (var path in paths) fromStorage[path] = await site.Client().GetStringAsync(path);

        await site.WithDatabaseAsync(db => db.Set<RenderedAdvisory>().ExecuteDeleteAsync());
        try
        {
            foreach (var path in paths)
                Assert.Equal(fromStorage[path], await site.Client().GetStringAsync(path.Replace(" ", "%20", StringComparison.Ordinal)));
        }
        finally
        {
            await site.WithDatabaseAsync(async db => await site.Services.GetRequiredService<AdvisoryRendering>().RenderStaleAsync(db));
        }
    }
}
