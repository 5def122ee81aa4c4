using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// Text that is not text: noncharacters (U+FFFE, U+FDD0, U+1FFFF), unpaired surrogates and control
/// characters, typed or written as Markdown entities, and bodies the Markdown pipeline refuses. None of
/// it may take a page, a list or a feed down (issue 18, findings 1 and 2).
/// </summary>
public class HostileTextTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    /// <summary>
    /// Everything that once made .NET's normalization throw, or that XML 1.0 cannot carry, as code points (a lone
    /// surrogate as its code unit): xunit names a case by its data, and two lone surrogates as strings look alike.
    /// </summary>
    public static TheoryData<int> NotText => new()
    {
        0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF, 0xD800, 0xDC00, 0x0000, 0x001B, 0x0085, 0x007F,
    };

    private static string Character(int codePoint) => codePoint is >= 0xD800 and <= 0xDFFF ? ((char)codePoint).ToString() : char.ConvertFromUtf32(codePoint);

    [Theory, MemberData(nameof(NotText))]
    public void A_slug_or_heading_id_is_made_from_any_title_and_is_valid(int codePoint)
    {
        var bad = Character(codePoint);
        var slug = SlugRules.FromTitle($"تحذير {bad} رسالة");
        Assert.Equal("تحذير-رسالة", slug);
        Assert.Null(SlugRules.Problem(slug));
        Assert.False(SafeText.HasUnsafe(SafeText.Clean("a" + bad + "b"), allowLineBreaks: true));
    }

    [Theory]
    [InlineData("## تحذير \uFFFE هام")]
    [InlineData("## تحذير &#65534; هام")]
    [InlineData("## تحذير &#xFDD0; هام")]
    [InlineData("## تحذير &#x1FFFE; هام")]
    public void A_heading_with_a_noncharacter_renders_with_an_id(string markdown)
    {
        var html = new MarkdownRenderer().Render(markdown, TextDirection.Rtl);
        var heading = Html.Parse(html).QuerySelector("h2")!;
        Assert.Equal("section-تحذير-هام", heading.GetAttribute("id"));
    }

    [Fact]
    public void Repeated_headings_get_the_next_free_number_even_when_a_heading_already_looks_numbered()
    {
        var markdown = "## x\n\n## x 2\n\n## x\n\n## x\n\n" + string.Concat(Enumerable.Repeat("## y\n\n", 3000));
        var ids = Html.Parse(new MarkdownRenderer().Render(markdown, TextDirection.Ltr)).QuerySelectorAll("h2").Select(h => h.Id!).ToList();
        Assert.Equal(["section-x", "section-x-2", "section-x-3", "section-x-4"], ids.Take(4));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal("section-y-3000", ids[^1]);
    }

    [Fact]
    public async Task A_noncharacter_in_a_published_heading_leaves_the_page_the_editor_and_every_feed_working()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = "fffe" + Guid.NewGuid().ToString("N")[..6];
        // Typed into the body the character itself is refused (a clear 400); as an entity it passes as Markdown.
        var id = await EditorSteps.CreateDraftAsync(editor, f => f
            .Set("Title", "تحذير " + marker)
            .Set("Body", $"## ما الذي يحدث &#65534;\n\nنص {marker}.\n\n## خطوات &#xFFFF;\n\n- لا تشارك الرمز"));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/advisories/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/admin/advisories/{id}/preview")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);

        var reader = site.Client();
        var page = await reader.GetAsync("/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle("تحذير " + marker)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await Html.ReadAsync(page)).QuerySelector("h2#section-ما-الذي-يحدث"));
        foreach (var format in new[] { "rss", "atom" })
        {
            var feed = await reader.GetAsync("/ar/feed." + format);
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
            Assert.Contains(marker, xml.ToString(), StringComparison.Ordinal);
        }
        var json = await reader.GetAsync("/ar/feed.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains(marker, JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisory_stored_with_the_characters_themselves_in_its_title_and_headings_is_served_everywhere()
    {
        var marker = "raw" + Guid.NewGuid().ToString("N")[..6];
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.Title = $"عنوان \uFFFE{marker}\uFDD0";
            a.Summary = "ملخص \uFFFF";
            a.Body = $"## قسم \uFFFE\n\nنص {marker} \u0001.\n\n## قسم \uFFFE";
        });
        var reader = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/ar/advisories/" + advisory.Slug)).StatusCode);
        foreach (var path in new[] { "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json", "/ar/", "/sitemap.xml", "/ar/search?q=" + marker })
        {
            var response = await reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            if (path.Contains("feed.r", StringComparison.Ordinal) || path.Contains("atom", StringComparison.Ordinal))
                Assert.Contains(marker, XDocument.Parse(await response.Content.ReadAsStringAsync()).ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\u0001")]
    public async Task A_title_with_a_noncharacter_and_no_slug_is_refused_with_a_message_not_a_500(string bad)
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(contributor), title: "رسالة " + bad + " احتيال").Set("Slug", "");
        var response = await form.SubmitAsync(contributor, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.NotEmpty(page.QuerySelector("#f-Title-error")!.TextContent.Trim());
        // The editor's text is still in the form.
        Assert.Contains("احتيال", Form.Parse(page.DocumentElement.OuterHtml, "#editor").Get("Title"), StringComparison.Ordinal);
    }

    /// <summary>The other forms whose text becomes a slug, a feed category or a mail header say so too, instead of storing it.</summary>
    [Fact]
    public async Task A_platform_name_or_a_rating_label_with_a_noncharacter_is_refused_with_a_message()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var platforms = await Html.ReadAsync(await admin.GetAsync("/admin/platforms"));
        var platformPath = platforms.QuerySelector("main a[href^='/admin/platforms/']")!.GetAttribute("href")!;
        var platform = await Form.LoadAsync(admin, platformPath);
        var refused = await platform.Set("Name", "Tele\uFFFEgram").SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector("#f-Name-error"));
        await site.WithDatabaseAsync(async db => Assert.False(await db.Platforms.AnyAsync(p => p.Name.Contains("\uFFFE"))));
    }

    [Fact]
    public async Task A_transparency_page_body_the_pipeline_refuses_is_refused_on_save_and_shown_as_text_if_stored()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var form = await Form.LoadAsync(admin, "/admin/pages/team/uk");
        var refused = await form.Set("Body", RefusedBody).SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.NotNull(page.QuerySelector("#f-Body-error"));
        Assert.Equal(RefusedBody, Form.Parse(page.DocumentElement.OuterHtml).Get("Body"));

        // Stored anyway (an older version, a restored database): readers get the words, not an error page.
        var marker = "team" + Guid.NewGuid().ToString("N")[..6];
        await site.WithDatabaseAsync(db => db.TransparencyPages.Where(p => p.Key == "team" && p.Language == "uk")
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Body, RefusedBody + " " + marker)));
        var response = await site.Client().GetAsync("/uk/team");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(marker, (await Html.ReadAsync(response)).QuerySelector("main .advisory-body")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Markdig gives up on elements nested this deep ("depth limit exceeded").</summary>
    private static readonly string RefusedBody = new string('>', 1000) + " اقتباس";

    [Fact]
    public async Task A_body_the_pipeline_refuses_leaves_its_page_and_the_feeds_working_and_the_desk_is_told()
    {
        var marker = "deep" + Guid.NewGuid().ToString("N")[..6];
        var fineMarker = "fine" + marker[4..];
        var broken = await site.AddAdvisoryAsync(a => { a.Title = "عميق " + marker; a.Body = RefusedBody + " " + marker; });
        var fine = await site.AddAdvisoryAsync(a => a.Title = "سليم " + fineMarker);

        var reader = site.Client();
        var page = await reader.GetAsync("/ar/advisories/" + broken.Slug);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(marker, (await Html.ReadAsync(page)).QuerySelector(".advisory-body")!.TextContent, StringComparison.Ordinal);
        foreach (var path in new[] { "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json", "/ar/", "/ar/advisories" })
        {
            var response = await reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains(fineMarker, text, StringComparison.Ordinal);
            Assert.Contains(marker, text, StringComparison.Ordinal);
        }

        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var dashboard = await Html.ReadAsync(await editor.GetAsync("/admin"));
        Assert.NotNull(dashboard.QuerySelector($"#render-problems a[href='/admin/advisories/{broken.Id}']"));
        Assert.Null(dashboard.QuerySelector($"#render-problems a[href='/admin/advisories/{fine.Id}']"));
    }

    [Fact]
    public async Task Saving_a_body_the_pipeline_refuses_is_refused_with_the_text_kept()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(contributor);
        var form = await Form.LoadAsync(contributor, $"/admin/advisories/{id}", "#editor");
        var response = await form.Set("Body", RefusedBody).SubmitAsync(contributor, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal(RefusedBody, Form.Parse(page.DocumentElement.OuterHtml, "#editor").Get("Body"));
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"/admin/advisories/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_body_of_more_blocks_than_the_renderer_does_is_refused_on_save_and_shown_as_text_to_readers()
    {
        var blocks = string.Concat(Enumerable.Repeat("## x\n", MarkdownRenderer.MaxBlocks + 1));
        Assert.Throws<BodyTooComplexException>(() => new MarkdownRenderer().Render(blocks, TextDirection.Ltr));

        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(contributor)).Set("Body", blocks);
        var refused = await form.SubmitAsync(contributor, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector("#f-Body-error"));

        var marker = "blocks" + Guid.NewGuid().ToString("N")[..6];
        var stored = await site.AddAdvisoryAsync(a => a.Body = blocks + marker);
        var page = await site.Client().GetAsync("/ar/advisories/" + stored.Slug);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(marker, (await Html.ReadAsync(page)).QuerySelector(".advisory-body")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_preview_answers_with_an_explanation_for_a_body_it_cannot_render()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var token = (await EditorSteps.NewFormAsync(contributor)).Get("__RequestVerificationToken")!;
        var response = await contributor.PostAsync("/admin/advisories/preview-body", new FormUrlEncodedContent(
            [new("body", RefusedBody), new("language", "ar"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("p.form-errors"));
    }
}

/// <summary>The preview endpoint has a time limit (BackOffice:PreviewTimeLimit); here one no body can meet.</summary>
public class PreviewTimeLimitTests(PreviewTimeLimitTests.Site site) : IClassFixture<PreviewTimeLimitTests.Site>
{
    public sealed class Site : BackOfficeSite
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Append(new("BackOffice:PreviewTimeLimit", "00:00:00.000001"));
    }

    [Fact]
    public async Task A_preview_over_the_time_limit_is_refused_with_a_message_and_the_editor_still_opens()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = await EditorSteps.NewFormAsync(contributor);
        var body = string.Concat(Enumerable.Repeat("## تحذير\n\nنص.\n\n", 4000));
        var response = await contributor.PostAsync("/admin/advisories/preview-body", new FormUrlEncodedContent(
            [new("body", body), new("language", "ar"), new("__RequestVerificationToken", form.Get("__RequestVerificationToken")!)]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotEmpty((await Html.ReadAsync(response)).QuerySelector("p.form-errors")!.TextContent.Trim());

        // The Preview button (the same render, without script) shows the message in place of the preview.
        var page = await form.Set("Title", "معاينة").Set("Body", body).SubmitAsync(contributor, ("command", "preview"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull((await Html.ReadAsync(page)).QuerySelector("#preview-body p.form-errors"));
    }
}

/// <summary>The importer: a hostile title is a file:line error, and never stops the run.</summary>
public sealed class HostileImportTests : IDisposable
{
    private readonly ImportSiteFactory site = new();

    [Fact]
    public async Task A_title_with_a_noncharacter_is_reported_with_its_line_and_the_other_files_import()
    {
        void Write(string name, char id, string title) => File.WriteAllText(Path.Combine(site.ContentPath, "advisories", name), $"""
            ---
            id: 11111111-1111-1111-1111-11111111111{id}
            kind: explainer
            language: ar
            title: "{title}"
            summary: "ملخص"
            published: 2025-03-14T09:30:00Z
            ---
            ## عنوان &#65534;
            """);
        // YAML's escape: the character itself reaches the importer.
        Write("a-bad.md", 'a', "عنوان \\uFFFE سيء");
        Write("b-good.md", 'b', "عنوان جيد");
        using var scope = site.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();

        Assert.Equal(1, report.Imported);
        var error = Assert.Single(report.Errors);
        Assert.EndsWith("a-bad.md", error.File, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/ar/advisories/" + Uri.EscapeDataString("عنوان-جيد"))).StatusCode);
    }

    public void Dispose() => site.Dispose();
}
