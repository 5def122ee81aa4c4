using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

public class EditorTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task A_contributor_writes_a_draft_with_every_field()
    {
        var (client, user) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = await EditorSteps.NewFormAsync(client);
        var title = "بوت «ريزيرف بلس» المزيف على تيليغرام " + Guid.NewGuid().ToString("N")[..4];
        form.Set("Kind", "Alert").Set("Title", title)
            .Set("Summary", "بوت يدّعي أنه دعم تطبيق Reserve+ ويطلب بيانات الدخول.")
            .Set("Body", "## كيف تعمل الحيلة\n\nيرسل البوت رابطًا إلى موقع مزيف.")
            .Set("ClaimText", "هذا هو الدعم الرسمي لتطبيق Reserve+")
            .Set("Claimant", "@reserve_support_bot")
            .Set("ClaimFirstSeen", "2024-05-02")
            .Set("ClaimAppearances", "https://t.me/reserve_support_bot\r\nhttps://example.org/post/1")
            .Set("Rating", "scam").Set("Severity", "High")
            .Add("Platforms", "telegram").Add("Platforms", "reserve-plus")
            .Set("Indicators[0].Type", "Handle").Set("Indicators[0].Value", "@reserve_support_bot")
            .Set("Indicators[1].Type", "Phone").Set("Indicators[1].Value", "+380 44 123 45 67").Set("Indicators[1].Country", "ua")
            .Set("Indicators[1].FirstSeen", "2024-05-01")
            .Set("Steps", "لا تشارك الرمز مع أحد\r\nأبلغ عن البوت")
            .Set("Sources[0].Title", "تحذير رسمي").Set("Sources[0].Url", "https://example.gov.ua/warning")
            .Set("Sources[0].Publisher", "وزارة الدفاع").Set("Sources[0].AccessedOn", "2024-05-03")
            .Set("Tags", "تيليغرام، بوتات, Reserve+")
            .Set("Authors", "فريق التحقق");
        var response = await form.SubmitAsync(client, ("command", "save"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await EditorSteps.Errors(response));
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);

        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
                .Include(a => a.Indicators).Include(a => a.Sources).AsSplitQuery().SingleAsync(a => a.Id == id);
            Assert.Equal(AdvisoryStatus.Draft, advisory.Status);
            Assert.Equal(AdvisoryKind.Alert, advisory.Kind);
            Assert.Equal(title, advisory.Title);
            Assert.Equal(SlugRules.FromTitle(title), advisory.Slug); // an Arabic slug, made from the title
            Assert.Equal("## كيف تعمل الحيلة\n\nيرسل البوت رابطًا إلى موقع مزيف.", advisory.Body);
            Assert.Equal("@reserve_support_bot", advisory.Claimant);
            Assert.Equal(new DateOnly(2024, 5, 2), advisory.ClaimFirstSeen);
            Assert.Equal(["https://t.me/reserve_support_bot", "https://example.org/post/1"], advisory.ClaimAppearances);
            Assert.Equal("scam", advisory.Rating!.Key);
            Assert.Equal(Severity.High, advisory.Severity);
            Assert.Equal(["reserve-plus", "telegram"], advisory.Platforms.Select(p => p.Key).Order());
            Assert.Equal(["لا تشارك الرمز مع أحد", "أبلغ عن البوت"], advisory.Steps);
            Assert.Equal(["Reserve+", "بوتات", "تيليغرام"], advisory.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.Equal("فريق التحقق", Assert.Single(advisory.Authors).Name);
            var phone = advisory.Indicators.Single(i => i.Type == IndicatorType.Phone);
            Assert.Equal("+380 44 123 45 67", phone.Raw);
            Assert.Equal("UA", phone.Country);
            Assert.Equal(IndicatorNormalizer.Normalize(IndicatorType.Phone, phone.Raw, "UA").Value, phone.Normalized);
            var source = Assert.Single(advisory.Sources);
            Assert.Equal(("تحذير رسمي", "https://example.gov.ua/warning", "وزارة الدفاع", new DateOnly(2024, 5, 3)),
                (source.Title, source.Url, source.Publisher, source.AccessedOn!.Value));

            var revision = await db.AdvisoryRevisions.SingleAsync(r => r.AdvisoryId == id);
            Assert.Equal((1, RevisionReason.Create, user.Id), (revision.Number, revision.Reason, revision.SavedById));
            Assert.Equal(title, AdvisoryContent.FromJson(revision.Snapshot).Title);
        });

        // A draft is not on the public site.
        var slug = SlugRules.FromTitle(title);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/ar/advisories/" + Uri.EscapeDataString(slug))).StatusCode);
        // The editor shows it again as saved, right-to-left text inputs included.
        var page = await Html.ReadAsync(await client.GetAsync($"/admin/advisories/{id}"));
        Assert.Equal(title, page.QuerySelector("#f-Title")!.GetAttribute("value"));
        Assert.Equal("@reserve_support_bot", page.QuerySelector("#f-Indicators-0--Value")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Text_inputs_take_their_direction_from_what_is_typed()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = await Form.LoadAsync(client, "/admin/advisories/new?lang=ar", "#editor");
        var inputs = form.Page.QuerySelectorAll("#editor textarea, #editor input:not([type]), #editor input[type=text]");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.True(input.GetAttribute("dir") is "auto" or "ltr", $"{input.GetAttribute("name")} has no dir"));
        foreach (var name in new[] { "Title", "Summary", "Body", "ClaimText", "Steps", "Indicators[0].Value", "Sources[0].Title" })
            Assert.Equal("auto", form.Page.QuerySelector($"#editor [name='{name}']")!.GetAttribute("dir"));
    }

    [Fact]
    public async Task A_rejected_form_keeps_everything_typed_and_says_what_is_wrong_next_to_it()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var before = await CountAsync();
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(client), "عنوان يبقى كما هو")
            .Set("Body", "نص طويل كتبه المحرر ولا يجوز أن يضيع")
            .Set("Indicators[0].Type", "Phone").Set("Indicators[0].Value", "+20 100 000\u0007 0000")
            .Set("Indicators[1].Type", "Url").Set("Indicators[1].Value", "https://telegram-support.example/login")
            .Set("Sources[0].Title", "مصدر").Set("Sources[0].Url", "javascript:alert(1)")
            .Set("ClaimFirstSeen", "2024-13-45");

        var response = await form.SubmitAsync(client, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("عنوان يبقى كما هو", page.QuerySelector("#f-Title")!.GetAttribute("value"));
        Assert.Equal("نص طويل كتبه المحرر ولا يجوز أن يضيع", page.QuerySelector("#f-Body")!.TextContent);
        Assert.Equal("+20 100 000\u0007 0000", page.QuerySelector("#f-Indicators-0--Value")!.GetAttribute("value"));
        Assert.Equal("https://telegram-support.example/login", page.QuerySelector("#f-Indicators-1--Value")!.GetAttribute("value"));
        Assert.Equal("javascript:alert(1)", page.QuerySelector("#f-Sources-0--Url")!.GetAttribute("value"));
        Assert.Equal("2024-13-45", page.QuerySelector("#f-ClaimFirstSeen")!.GetAttribute("value"));

        // Each message sits next to its input, which is marked invalid.
        Assert.NotNull(page.QuerySelector("#f-Indicators-0--Value-error"));
        Assert.Equal("true", page.QuerySelector("#f-Indicators-0--Value")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#f-Indicators-1--Value-error"));
        Assert.NotNull(page.QuerySelector("#f-Sources-0--Url-error"));
        Assert.NotNull(page.QuerySelector("#f-ClaimFirstSeen-error"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Preview_renders_the_body_through_the_public_pipeline_without_saving()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var before = await CountAsync();
        const string body = "## عنوان فرعي\n\nفقرة فيها [رابط](https://example.org) و<script>alert(1)</script>";
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(client)).Set("Body", body);
        var response = await form.SubmitAsync(client, ("command", "preview"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var page = await Html.ReadAsync(response);
        var expected = site.Services.GetRequiredService<MarkdownRenderer>().Render(body, TextDirection.Rtl);
        Assert.Equal(Html.Parse(expected).Body!.InnerHtml.Trim(), page.QuerySelector("#preview-body")!.InnerHtml.Trim());
        Assert.Empty(page.QuerySelectorAll("#preview-body script"));
        Assert.Equal("rtl", page.QuerySelector("#preview-body")!.GetAttribute("dir"));
        Assert.Equal(body, page.QuerySelector("#f-Body")!.TextContent.Replace("\r\n", "\n"));
        Assert.Equal(before, await CountAsync());

        // The live preview used by admin.js answers the same.
        var live = Form.Parse(await response.Content.ReadAsStringAsync(), "#editor");
        var fragment = await client.PostAsync("/admin/advisories/preview-body", new FormUrlEncodedContent(
        [
            new("body", body), new("language", "ar"), new("__RequestVerificationToken", live.Get("__RequestVerificationToken")!),
        ]));
        Assert.Equal(HttpStatusCode.OK, fragment.StatusCode);
        Assert.Equal(expected, await fragment.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task More_rows_adds_empty_indicator_and_source_rows_without_losing_anything()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(client), "عنوان")
            .Set("Indicators[0].Type", "Email").Set("Indicators[0].Value", "support@telegram-help.example")
            .Set("Indicators[1].Type", "Domain").Set("Indicators[1].Value", "telegram-help.example");
        var response = await form.SubmitAsync(client, ("command", "more-rows"));
        var page = await Html.ReadAsync(response);
        Assert.Equal("support@telegram-help.example", page.QuerySelector("#f-Indicators-0--Value")!.GetAttribute("value"));
        Assert.Equal("telegram-help.example", page.QuerySelector("#f-Indicators-1--Value")!.GetAttribute("value"));
        Assert.Equal(6, page.QuerySelectorAll("#indicators tbody tr").Length);
        Assert.Equal(2, page.QuerySelectorAll("#sources .source-row").Length);
    }

    [Fact]
    public async Task Slugs_are_unique_per_language()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var title = "عنوان مكرر " + Guid.NewGuid().ToString("N")[..5];
        var first = await EditorSteps.CreateDraftAsync(client, f => f.Set("Title", title));
        var second = await EditorSteps.CreateDraftAsync(client, f => f.Set("Title", title));
        var english = await EditorSteps.CreateDraftAsync(client, f => f.Set("Title", title), lang: "en");

        await site.WithDatabaseAsync(async db =>
        {
            var slugs = await db.Advisories.Where(a => a.Id == first || a.Id == second || a.Id == english).ToDictionaryAsync(a => a.Id, a => a.Slug);
            Assert.Equal(SlugRules.FromTitle(title), slugs[first]);
            Assert.Equal(SlugRules.FromTitle(title) + "-2", slugs[second]);
            Assert.Equal(SlugRules.FromTitle(title), slugs[english]); // another language may reuse it
        });

        // A typed slug that is taken is refused, with the message next to the slug.
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(client)).Set("Slug", SlugRules.FromTitle(title));
        var response = await form.SubmitAsync(client, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("#f-Slug-error"));

        form.Set("Slug", "../../etc/passwd");
        response = await form.SubmitAsync(client, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("#f-Slug-error"));
    }

    [Fact]
    public async Task Ticking_remove_deletes_an_indicator_row_on_save_and_keeps_the_others()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var id = await EditorSteps.CreateDraftAsync(client, f => f
            .Set("Indicators[0].Type", "Handle").Set("Indicators[0].Value", "@fake_support_bot")
            .Set("Indicators[1].Type", "Domain").Set("Indicators[1].Value", "telegram-verify.example"));

        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        Assert.Equal("@fake_support_bot", form.Get("Indicators[0].Value"));
        form.Add("Indicators[0].Remove", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(client, ("command", "save"))).StatusCode);

        await site.WithDatabaseAsync(async db =>
        {
            var indicator = Assert.Single(await db.Indicators.Where(i => i.AdvisoryId == id).ToListAsync());
            Assert.Equal((IndicatorType.Domain, "telegram-verify.example"), (indicator.Type, indicator.Raw));
        });
    }

    [Fact]
    public async Task Advisories_in_different_languages_are_linked_as_translations_and_point_at_each_other()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var arabicTitle = "بوت مزيف يطلب الرمز " + Guid.NewGuid().ToString("N")[..6];
        var arabic = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", arabicTitle));
        await EditorSteps.PressAsync(editor, arabic, "publish");

        // The Ukrainian version finds the Arabic one by a word of its title.
        var ukrainianTitle = "Фейковий бот просить код " + Guid.NewGuid().ToString("N")[..6];
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(editor, "uk"), ukrainianTitle);
        form = await EditorSteps.FindTranslationAsync(editor, form, arabicTitle.Split(' ')[^1]);
        var choice = form.Page.QuerySelectorAll("#f-TranslationOf option").Single(o => o.TextContent.Contains(arabicTitle, StringComparison.Ordinal));
        form.Set("Summary", "Бот видає себе за підтримку й просить код.").Set("Body", "Не передавайте код.")
            .Set("TranslationOf", choice.GetAttribute("value")!);
        var created = await form.SubmitAsync(editor, ("command", "save"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await EditorSteps.Errors(created));
        var ukrainian = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
        await EditorSteps.PressAsync(editor, ukrainian, "publish");

        string arabicPath = "", ukrainianPath = "";
        await site.WithDatabaseAsync(async db =>
        {
            var both = await db.Advisories.Where(a => a.Id == arabic || a.Id == ukrainian).ToListAsync();
            Assert.Single(both.Select(a => a.TranslationKey).Distinct());
            Assert.NotNull(both[0].TranslationKey);
            arabicPath = both.Single(a => a.Id == arabic).Path;
            ukrainianPath = both.Single(a => a.Id == ukrainian).Path;
        });
        var arabicPage = await Html.ReadAsync(await site.Client().GetAsync(arabicPath));
        Assert.NotNull(arabicPage.QuerySelector($"a[hreflang=uk][href='{ukrainianPath}']"));
        var ukrainianPage = await Html.ReadAsync(await site.Client().GetAsync(ukrainianPath));
        Assert.NotNull(ukrainianPage.QuerySelector($"a[hreflang=ar][href='{arabicPath}']"));

        // A second Arabic advisory cannot join a story that already has its Arabic version (found by its Ukrainian one:
        // the picker looks in other languages than the form's).
        var another = await EditorSteps.FindTranslationAsync(editor, EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(editor, "ar")), ukrainianTitle);
        Assert.DoesNotContain(another.Page.QuerySelectorAll("#f-TranslationOf option"), o => o.TextContent.Contains(arabicTitle, StringComparison.Ordinal));
        var group = another.Page.QuerySelectorAll("#f-TranslationOf option").Single(o => o.TextContent.Contains(ukrainianTitle, StringComparison.Ordinal));
        var refused = await another.Set("TranslationOf", group.GetAttribute("value")!).SubmitAsync(editor, ("command", "save"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector("#f-TranslationOf-error"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Saving_the_editor_again_without_changes_keeps_the_verdict(bool published)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Rating", "scam"));
        if (published) await EditorSteps.PressAsync(editor, id, "publish");

        // Open the editor and press Save twice, changing nothing (a published advisory asks "minor edit?").
        for (var round = 0; round < 2; round++)
        {
            var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
            Assert.Equal("scam", form.Get("Rating"));
            if (published) form.Set("ChangeKind", "minor");
            var saved = await form.SubmitAsync(editor, ("command", "save"));
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await EditorSteps.Errors(saved));
        }

        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Rating).SingleAsync(a => a.Id == id);
            Assert.Equal("scam", advisory.Rating?.Key);
        });
    }

    private async Task<int> CountAsync()
    {
        var count = 0;
        await site.WithDatabaseAsync(async db => count = await db.Advisories.CountAsync());
        return count;
    }
}
