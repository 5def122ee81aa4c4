using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>Previews show what readers will see, in the advisory's language; scheduling speaks the editor's time zone.</summary>
public class PreviewAndScheduleTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Theory]
    [InlineData("uk", "Перевірка фактів", "Ще не опубліковано")]
    [InlineData("en", "Fact-check", "Not published yet")]
    public async Task A_draft_previews_in_its_own_language_from_an_Arabic_back_office_without_claiming_a_publication_date(
        string language, string kindLabel, string notPublished)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor); // no language chosen: the back-office speaks Arabic
        var id = await EditorSteps.CreateDraftAsync(editor, lang: language);
        var create = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/preview-links']");
        Assert.Equal(HttpStatusCode.Redirect, (await create.SubmitAsync(editor)).StatusCode);
        var editorPage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        var link = new Uri(editorPage.QuerySelector("#preview-links input[readonly]")!.GetAttribute("value")!);

        foreach (var (client, path) in new[] { (editor, $"/admin/advisories/{id}/preview"), (site.Client(), link.PathAndQuery) })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ReadAsync(response);
            Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
            Assert.Equal(kindLabel, page.QuerySelector(".advisory .kind")!.TextContent.Trim());
            var byline = page.QuerySelector(".byline")!.TextContent;
            Assert.Contains(notPublished, byline, StringComparison.Ordinal);
            Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), byline, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_time_chosen_in_Kyiv_is_shown_in_Kyiv_time_and_the_zone_is_offered_first_next_time()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var scheduled = await EditorSteps.PressAsync(editor, id, "schedule", ("at", "2031-01-10T09:00"), ("timeZone", "Europe/Kyiv"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        await site.WithDatabaseAsync(async db =>
            Assert.Equal(new DateTime(2031, 1, 10, 7, 0, 0), (await db.Advisories.SingleAsync(a => a.Id == id)).ScheduledFor)); // Kyiv is UTC+2 in winter
        var page = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        var shown = page.QuerySelector("#scheduled-for")!.TextContent;
        Assert.Contains("2031-01-10 09:00 Europe/Kyiv", shown, StringComparison.Ordinal);
        Assert.Contains("2031-01-10 07:00 UTC", shown, StringComparison.Ordinal);

        // The next schedule form, on any advisory, offers Kyiv first; the browser's own zone no longer overrides it.
        var next = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{await EditorSteps.CreateDraftAsync(editor)}"));
        var zone = next.QuerySelector("#schedule-zone")!;
        Assert.Equal("Europe/Kyiv", zone.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("true", zone.GetAttribute("data-remembered"));

        // It is this editor's choice, not everyone's.
        var (other, _) = await site.SignedInAsync(EditorRoles.Editor);
        var theirs = await Html.ReadAsync(await other.GetAsync($"/admin/advisories/{id}"));
        Assert.Null(theirs.QuerySelector("#schedule-zone option[selected]"));
        Assert.Contains("2031-01-10 07:00 UTC", theirs.QuerySelector("#scheduled-for")!.TextContent, StringComparison.Ordinal);
    }
}
