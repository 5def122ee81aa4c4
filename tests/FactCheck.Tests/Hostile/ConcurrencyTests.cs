using System.Net;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// Ordinary concurrency must never be a 500 (issue 18, finding 10). On SQLite writers queue, so these
/// pass there anyway; on script/test's PostgreSQL run the requests really interleave, which is where
/// they failed: a double-submitted form, two editors pressing Save and Publish on one version.
/// </summary>
public class ConcurrencyTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static async Task<List<HttpResponseMessage>> AtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var requests = Enumerable.Range(0, count).Select(async i =>
        {
            await start.WaitAsync();
            return await send(i);
        }).ToList();
        start.Release(count);
        return [.. await Task.WhenAll(requests)];
    }

    [Fact]
    public async Task Twenty_creates_with_one_title_at_once_all_succeed_with_distinct_slugs()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        for (var round = 0; round < 3; round++)
        {
            var title = "نقرة مزدوجة " + Guid.NewGuid().ToString("N")[..6];
            var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(editor), title).Set("Slug", "");
            var responses = await AtOnceAsync(20, _ => form.SubmitAsync(editor, ("command", "save")));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            await site.WithDatabaseAsync(async db =>
            {
                var slugs = await db.Advisories.Where(a => a.Title == title).Select(a => a.Slug).ToListAsync();
                Assert.Equal(20, slugs.Count);
                Assert.Equal(20, slugs.Distinct().Count());
            });
        }
    }

    [Fact]
    public async Task Two_creates_with_one_typed_slug_give_one_draft_and_one_slug_taken_message()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        for (var round = 0; round < 5; round++)
        {
            var slug = "typed-" + Guid.NewGuid().ToString("N")[..8];
            var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(editor)).Set("Slug", slug);
            var responses = await AtOnceAsync(2, _ => form.SubmitAsync(editor, ("command", "save")));
            Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], responses.Select(r => r.StatusCode).Order());
            Assert.NotNull((await Html.ReadAsync(responses.Single(r => r.StatusCode == HttpStatusCode.BadRequest))).QuerySelector("#f-Slug-error"));
        }
    }

    [Fact]
    public async Task Save_and_publish_on_one_version_give_one_success_and_one_changed_message()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        for (var round = 0; round < 10; round++)
        {
            var id = await EditorSteps.CreateDraftAsync(editor);
            var edit = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
            var publish = await EditorSteps.ButtonFormAsync(editor, id, "publish");
            edit.Set("Body", "## نص جديد\n\nجولة " + round);
            var responses = await AtOnceAsync(2, i => i == 0 ? edit.SubmitAsync(editor, ("command", "save")) : publish.SubmitAsync(editor));
            var (saved, published) = (responses[0], responses[1]);
            Assert.True(saved.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Conflict, $"save answered {(int)saved.StatusCode}");
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            var publishedDone = published.Headers.Location!.OriginalString.EndsWith("done=published", StringComparison.Ordinal);
            var savedDone = saved.StatusCode == HttpStatusCode.Redirect;
            Assert.True(publishedDone != savedDone, $"round {round}: exactly one of them wins (save {savedDone}, publish {publishedDone})");
            if (!publishedDone) Assert.EndsWith("problem=changed", published.Headers.Location!.OriginalString, StringComparison.Ordinal);
            await site.WithDatabaseAsync(async db =>
            {
                var numbers = await db.AdvisoryRevisions.Where(r => r.AdvisoryId == id).Select(r => r.Number).ToListAsync();
                Assert.Equal(numbers.Count, numbers.Distinct().Count());
            });
        }
    }

    [Fact]
    public async Task Two_screenshot_changes_at_once_never_answer_500()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(200, 300, TestImages.Pattern), "أولى");
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(300, 200, TestImages.Pattern), "ثانية");
        int[] shots = [];
        await site.WithDatabaseAsync(async db => shots = await db.Screenshots.Where(s => s.AdvisoryId == id).OrderBy(s => s.Position).Select(s => s.Id).ToArrayAsync());
        for (var round = 0; round < 5; round++)
        {
            var down = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/screenshots/{shots[0]}/move']");
            var up = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/screenshots/{shots[1]}/move']");
            down.Set("direction", "down");
            up.Set("direction", "up");
            var responses = await AtOnceAsync(2, i => (i == 0 ? down : up).SubmitAsync(editor));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        }
    }
}
