using System.Net;
using System.Text.Json;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Content;
using FactCheck.Tests.Feeds;
using FactCheck.Tests.Media;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Hostile;

/// <summary>Who may see and do what, and what an outsider's requests get (issue 18, findings 3–9).</summary>
public class AccessTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    // Finding 3: preview links are for Editors, and stop working when the advisory is withdrawn or deleted.

    [Fact]
    public async Task Contributors_see_no_preview_links_and_cannot_make_or_revoke_one()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(contributor);
        var page = await Html.ReadAsync(await contributor.GetAsync($"/admin/advisories/{id}"));
        Assert.Null(page.QuerySelector("#preview-links"));

        var token = Form.Parse(page.DocumentElement.OuterHtml, "#editor").Get("__RequestVerificationToken")!;
        var create = await contributor.PostAsync($"/admin/advisories/{id}/preview-links", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal("/admin/denied", create.Headers.Location?.AbsolutePath);
        await site.WithDatabaseAsync(async db => Assert.False(await db.PreviewLinks.AnyAsync(l => l.AdvisoryId == id)));
    }

    [Fact]
    public async Task A_preview_link_stops_working_when_its_advisory_is_withdrawn_or_deleted()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var published = await EditorSteps.CreateDraftAsync(editor);
        var draft = await EditorSteps.CreateDraftAsync(editor);
        var publishedLink = await CreateLinkAsync(editor, published);
        var draftLink = await CreateLinkAsync(editor, draft);
        var reader = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(publishedLink)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(draftLink)).StatusCode);

        await EditorSteps.PressAsync(editor, published, "publish");
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, published, "withdraw", ("reason", "سُحب"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(publishedLink)).StatusCode);
        var editorPage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{published}"));
        Assert.Null(editorPage.QuerySelector("#preview-links"));

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, draft, "delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(draftLink)).StatusCode);
    }

    private static async Task<string> CreateLinkAsync(HttpClient editor, Guid id)
    {
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", $"form[action='/admin/advisories/{id}/preview-links']");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(editor)).StatusCode);
        var page = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        return new Uri(page.QuerySelector("#preview-links input[readonly]")!.GetAttribute("value")!).AbsolutePath;
    }

    // Finding 4: signing out ends the session on the server; an Admin sees and ends sessions.

    [Fact]
    public async Task After_sign_out_a_copy_of_the_cookie_no_longer_works()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var cookies = new CookieContainer();
        var browser = site.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeSite.SignInAsync(browser, user.Email!, BackOfficeSite.Password)).StatusCode);
        // A thief's copy of the cookies as they were while signed in.
        var stolen = new CookieContainer();
        stolen.Add(cookies.GetAllCookies());
        var copy = site.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(stolen));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin")).StatusCode);

        var signOut = await Form.LoadAsync(browser, "/admin", "form[action='/admin/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, (await signOut.SubmitAsync(browser)).StatusCode);

        var refused = await copy.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/admin/sign-in", refused.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_admin_sees_a_users_sessions_and_ends_one_of_them()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var user = await site.CreateUserAsync(EditorRoles.Contributor);
        var laptop = site.Browser();
        var phone = site.Browser();
        await BackOfficeSite.SignInAsync(laptop, user.Email!, BackOfficeSite.Password);
        await BackOfficeSite.SignInAsync(phone, user.Email!, BackOfficeSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        var page = await Html.ReadAsync(await admin.GetAsync($"/admin/users/{user.Id}"));
        var ends = page.QuerySelectorAll("#sessions form[action$='/end']").Select(f => f.GetAttribute("action")!).ToList();
        Assert.Equal(3, ends.Count); // two sessions, and "end all"

        // The session last seen is listed first: the phone's (its sign-in and request came last).
        var end = await Form.LoadAsync(admin, $"/admin/users/{user.Id}", $"form[action='{ends[0]}']");
        Assert.Equal(HttpStatusCode.Redirect, (await end.SubmitAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);

        var endAll = await Form.LoadAsync(admin, $"/admin/users/{user.Id}", $"form[action='/admin/users/{user.Id}/sessions/all/end']");
        Assert.Equal(HttpStatusCode.Redirect, (await endAll.SubmitAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/admin")).StatusCode);
        await site.WithDatabaseAsync(async db =>
            Assert.Equal(2, await db.AuditLog.CountAsync(e => e.Action == AuditAction.SessionsEnded && e.Target == $"user {user.Email}")));
    }

    // Finding 5: requests nobody should get a 500 for.

    [Theory]
    [InlineData("http://localhost/ar/")]
    [InlineData("http://localhost/ar/search?q=x")]
    [InlineData("http://localhost/no-such-page")]
    [InlineData("https://localhost/ar/advisories")]
    [InlineData("https://localhost/en/feed.rss")]
    public async Task A_post_to_a_public_page_gets_405_or_404_not_500(string url)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync(url, new FormUrlEncodedContent([new("q", "x")]));
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound });
        Assert.NotEmpty((await Html.ReadAsync(response)).QuerySelector("h1")?.TextContent ?? "");
    }

    [Fact]
    public async Task An_arabic_return_address_survives_sign_in_percent_encoded()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var client = site.Browser();
        const string back = "/admin/advisories?q=تيليغرام دعم";
        var response = await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password, back);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.All(char.IsAscii), location);
        Assert.Equal("/admin/advisories?q=" + Uri.EscapeDataString("تيليغرام دعم"), location);
        var list = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("تيليغرام دعم", (await Html.ReadAsync(list)).QuerySelector("input[name=q]")!.GetAttribute("value"));
    }

    // Finding 6: HSTS on HTTPS.

    [Fact]
    public async Task Https_responses_carry_strict_transport_security_and_plain_http_ones_do_not()
    {
        var https = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://factcheck.test") });
        var http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://factcheck.test") });
        foreach (var path in new[] { "/ar/", "/admin/sign-in", "/en/feed.rss" })
        {
            var secure = await https.GetAsync(path);
            Assert.Equal("max-age=31536000", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
        }
        Assert.False((await http.GetAsync("/ar/")).Headers.Contains("Strict-Transport-Security"));
    }

    // Finding 7: the CSV export cannot attack a spreadsheet; the JSON stays exact.

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_escaped_and_the_json_is_exact()
    {
        var email = "=cmd|'calc.exe'!A0@" + FeedTestData.Unique("x") + ".example";
        var handle = "@" + FeedTestData.Unique("bot");
        await FeedTestData.AddAsync(site, a => a.Indicators =
        [
            new Indicator { Type = IndicatorType.Email, Raw = email, Normalized = email },
            new Indicator { Type = IndicatorType.Handle, Raw = handle, Normalized = handle },
        ]);

        var cells = ExportAndSitemapTests.ParseCsv(await site.Client().GetStringAsync("/indicators.csv")).SelectMany(row => row).ToList();
        Assert.Contains("'" + email, cells);
        Assert.Contains("'" + handle, cells);
        var dangerous = cells.Where(c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r').ToList();
        Assert.True(dangerous.Count == 0, "cells a spreadsheet would run: " + string.Join(" | ", dangerous.Take(5)));

        var json = JsonDocument.Parse(await site.Client().GetStringAsync("/indicators.json")).RootElement.GetProperty("indicators");
        Assert.Contains(json.EnumerateArray(), i => i.GetProperty("value").GetString() == email);
    }

    // Finding 9: screenshots of unpublished work are not public.

    [Fact]
    public async Task Screenshots_are_public_only_while_their_advisory_is_published_and_staff_always_see_them()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(300, 500, TestImages.Pattern), "لقطة");
        var files = new List<string>();
        await site.WithDatabaseAsync(async db => files = await db.ScreenshotFiles
            .Where(f => db.Screenshots.Any(s => s.Id == f.ScreenshotId && s.AdvisoryId == id)).Select(f => f.FileName).ToListAsync());
        Assert.NotEmpty(files);
        var reader = site.Client();

        async Task AssertPublicAsync(HttpStatusCode expected)
        {
            foreach (var name in files) Assert.Equal(expected, (await reader.GetAsync("/media/" + name)).StatusCode);
        }

        await AssertPublicAsync(HttpStatusCode.NotFound); // a draft's
        var editorPage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}"));
        var thumbnail = editorPage.QuerySelector("img.shot-thumbnail")!.GetAttribute("src")!;
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(thumbnail)).StatusCode);
        var stranger = await site.Browser().GetAsync(thumbnail);
        Assert.Equal("/admin/sign-in", stranger.Headers.Location?.AbsolutePath);
        var preview = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{id}/preview"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(preview.QuerySelector("figure.screenshot img")!.GetAttribute("src")!)).StatusCode);

        await EditorSteps.PressAsync(editor, id, "publish");
        await AssertPublicAsync(HttpStatusCode.OK);

        await EditorSteps.PressAsync(editor, id, "withdraw", ("reason", "سُحب"));
        await AssertPublicAsync(HttpStatusCode.NotFound);
        var store = site.Services.GetRequiredService<IMediaStore>();
        Assert.All(files, name => Assert.True(store.Exists(name), $"{name} should be kept for the record"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/media/" + files[0])).StatusCode);
    }

    [Fact]
    public async Task A_preview_link_shows_its_advisorys_screenshots_and_nothing_else()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var other = await EditorSteps.CreateDraftAsync(editor);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(320, 480, TestImages.Pattern), "لقطة");
        await ScreenshotSteps.AddRedactedAsync(editor, other, TestImages.Png(480, 320, TestImages.Pattern), "أخرى");
        var link = await CreateLinkAsync(editor, id);
        var reader = site.Client();

        var page = await Html.ReadAsync(await reader.GetAsync(link));
        var src = page.QuerySelector("figure.screenshot img")!.GetAttribute("src")!;
        Assert.StartsWith(link + "/media/", src, StringComparison.Ordinal);
        var image = await reader.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("no-store", image.Headers.CacheControl!.ToString());

        string otherFile = "";
        await site.WithDatabaseAsync(async db => otherFile = await db.ScreenshotFiles
            .Where(f => db.Screenshots.Any(s => s.Id == f.ScreenshotId && s.AdvisoryId == other)).Select(f => f.FileName).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(link + "/media/" + otherFile)).StatusCode);
    }
}

/// <summary>Finding 8: the importer reads screenshots from inside the content folder only.</summary>
public sealed class ImporterContainmentTests : IDisposable
{
    private readonly ImportSiteFactory site = new();
    private readonly string sibling;

    public ImporterContainmentTests()
    {
        // A folder beside content/ whose name starts with content/'s own: a string-prefix check lets it through.
        sibling = site.ContentPath.TrimEnd('/') + "-copy2";
        Directory.CreateDirectory(sibling);
        File.WriteAllBytes(Path.Combine(sibling, "secret.png"), TestImages.Png(40, 40, TestImages.Pattern));
    }

    private void Write(string name, string screenshot) => File.WriteAllText(Path.Combine(site.ContentPath, "advisories", name), $"""
        ---
        id: {Guid.NewGuid()}
        kind: explainer
        language: en
        title: "Outside {name}"
        summary: "Summary"
        published: 2025-03-14T09:30:00Z
        screenshots:
          - file: {screenshot}
            alt: "a secret"
        ---
        Body.
        """);

    [Fact]
    public async Task A_screenshot_path_that_leaves_the_content_folder_is_refused_even_through_a_similar_name_or_a_link()
    {
        var name = Path.GetFileName(site.ContentPath);
        Write("a.md", $"../{name}-copy2/secret.png");
        Directory.CreateDirectory(Path.Combine(site.ContentPath, "screenshots"));
        File.CreateSymbolicLink(Path.Combine(site.ContentPath, "screenshots", "link.png"), Path.Combine(sibling, "secret.png"));
        Write("b.md", "screenshots/link.png");

        using var scope = site.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();

        Assert.Equal(0, report.Imported);
        Assert.Equal(2, report.Errors.Count);
        Assert.All(report.Errors, e => Assert.Contains("outside the content folder", e.Message, StringComparison.Ordinal));
        await site.WithDatabaseAsync(async db => Assert.False(await db.Screenshots.AnyAsync()));
    }

    public void Dispose()
    {
        site.Dispose();
        try { Directory.Delete(sibling, recursive: true); } catch (IOException) { }
    }
}
