using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;

namespace FactCheck.Tests.Admin;

public class DashboardTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static string[] Titles(IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"#{section} li > a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_dashboard_shows_my_drafts_the_review_queue_the_schedule_recent_publishing_and_corrections()
    {
        var (me, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (colleague, _) = await site.SignedInAsync(EditorRoles.Contributor);
        string Title(string what) => what + " " + Guid.NewGuid().ToString("N")[..6];

        var myDraft = Title("مسودتي");
        await EditorSteps.CreateDraftAsync(me, f => f.Set("Title", myDraft));
        var theirDraft = Title("مسودة زميلي");
        await EditorSteps.CreateDraftAsync(colleague, f => f.Set("Title", theirDraft));
        var waiting = Title("بانتظار المراجعة");
        await EditorSteps.PressAsync(colleague, await EditorSteps.CreateDraftAsync(colleague, f => f.Set("Title", waiting)), "submit");
        var scheduled = Title("مجدول");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(me, await EditorSteps.CreateDraftAsync(me, f => f.Set("Title", scheduled)),
            "schedule", ("at", tomorrow), ("timeZone", "UTC"))).StatusCode);
        var published = Title("منشور");
        var publishedId = await EditorSteps.CreateDraftAsync(me, f => f.Set("Title", published));
        await EditorSteps.PressAsync(me, publishedId, "publish");
        var correct = await Form.LoadAsync(me, $"/admin/advisories/{publishedId}", "#editor");
        correct.Set("Summary", "ملخص بعد التصحيح").Set("ChangeKind", "correction").Set("CorrectionNote", "صححنا الملخص");
        Assert.Equal(HttpStatusCode.Redirect, (await correct.SubmitAsync(me, ("command", "save"))).StatusCode);

        var dashboard = await Html.ReadAsync(await me.GetAsync("/admin"));
        Assert.Equal([myDraft], Titles(dashboard, "my-drafts").Where(t => t.StartsWith("مسود", StringComparison.Ordinal)));
        Assert.Contains(waiting, Titles(dashboard, "in-review"));
        Assert.Contains(scheduled, Titles(dashboard, "scheduled"));
        Assert.Contains(published, Titles(dashboard, "published"));
        Assert.DoesNotContain(scheduled, Titles(dashboard, "published"));
        var correction = dashboard.QuerySelectorAll("#corrections li").Single(li => li.QuerySelector("a")!.TextContent.Trim() == published);
        Assert.Contains("صححنا الملخص", correction.TextContent);

        // Each person sees their own drafts.
        var theirs = await Html.ReadAsync(await colleague.GetAsync("/admin"));
        Assert.Contains(theirDraft, Titles(theirs, "my-drafts"));
        Assert.DoesNotContain(myDraft, Titles(theirs, "my-drafts"));
    }
}
