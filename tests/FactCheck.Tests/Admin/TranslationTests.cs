using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>
/// "Translate into…": a linked draft in another language that carries what is not language (checked over every
/// field of <see cref="AdvisoryContent"/>, so a field added later is covered by itself), shows the source beside
/// each text to translate, reuses the source's stored screenshots, and is flagged out of date — with what
/// changed — when its source gets a correction or any other change after it was made.
/// </summary>
public class TranslationTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    public static async Task<Guid> TranslateAsync(HttpClient client, Guid source, string language)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{source}", $"form[action='/admin/advisories/{source}/translate']");
        var response = await form.SubmitAsync(client, ("language", language));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"translate answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
        Assert.EndsWith("?done=translated", response.Headers.Location!.OriginalString);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
    }

    private async Task<AdvisoryContent> ContentAsync(Guid id)
    {
        AdvisoryContent? content = null;
        await site.WithDatabaseAsync(async db => content = AdvisoryContent.Of(await db.Advisories.AsNoTracking()
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files).AsSplitQuery().SingleAsync(a => a.Id == id)));
        return content!;
    }

    private int MediaFileCount() => Directory.GetFiles(Path.Combine(site.DataPath, "media")).Length;

    [Fact]
    public async Task A_translation_carries_every_field_that_is_not_its_own_and_the_source_stored_screenshots()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        // Every field filled in, a redacted screenshot, published with an update note, in a story with an English version.
        var source = await new RoundTripTests(site).FullAdvisoryAsync(editor, AdvisoryStatus.Published);
        var mediaBefore = MediaFileCount();

        var translation = await TranslateAsync(editor, source, "uk");

        var original = await ContentAsync(source);
        var copy = await ContentAsync(translation);
        // What a new draft of this story in Ukrainian has of its own; everything else is the source's.
        var own = new AdvisoryContent
        {
            Language = "uk", TranslationKey = original.TranslationKey, Corrections = [], Status = AdvisoryStatus.Draft, ScheduledFor = null, WithdrawalReason = null,
        }.Fields().ToDictionary(f => f.Field, f => f.Value);
        var notCarried = AdvisoryTranslation.NotCarried.Select(AdvisoryTranslation.Label).ToHashSet();
        Assert.Subset(original.Fields().Select(f => f.Field).ToHashSet(), notCarried);
        Assert.Subset(original.Fields().Select(f => f.Field).ToHashSet(), AdvisoryTranslation.Translated.Select(AdvisoryTranslation.Label).ToHashSet());
        foreach (var ((field, theirs), (_, mine)) in original.Fields().Zip(copy.Fields()))
        {
            if (notCarried.Contains(field)) Assert.True(own[field] == mine, $"{field}: '{mine}', a new translation should have '{own[field]}'");
            else Assert.True(theirs == mine, $"{field} was not carried over: '{theirs}' became '{mine}'");
        }
        Assert.NotEmpty(original.Corrections); // so "not carried" was tested on something
        Assert.NotEmpty(copy.Screenshots);

        await site.WithDatabaseAsync(async db =>
        {
            var theirs = await db.Screenshots.Include(s => s.Files).Where(s => s.AdvisoryId == source).ToListAsync();
            var mine = await db.Screenshots.Include(s => s.Files).Where(s => s.AdvisoryId == translation).ToListAsync();
            // The same stored image and redactions under new rows: the translation's alt text is its own to change.
            Assert.Equal(theirs.Select(s => (s.PerceptualHash, s.Redactions, s.Width)), mine.Select(s => (s.PerceptualHash, s.Redactions, s.Width)));
            Assert.Equal(theirs.SelectMany(s => s.Files).Select(f => f.FileName).Order(), mine.SelectMany(s => s.Files).Select(f => f.FileName).Order());
            Assert.Empty(theirs.Select(s => s.Id).Intersect(mine.Select(s => s.Id)));
            var made = await db.Advisories.SingleAsync(a => a.Id == translation);
            Assert.Equal(source, made.TranslatedFromId);
            Assert.Equal(await db.AdvisoryRevisions.Where(r => r.AdvisoryId == source).MaxAsync(r => r.Number), made.TranslatedFromRevision);
            Assert.Equal(RevisionReason.Create, (await db.AdvisoryRevisions.SingleAsync(r => r.AdvisoryId == translation)).Reason);
        });
        Assert.Equal(mediaBefore, MediaFileCount()); // nothing uploaded or encoded again

        // The editor shows the source's texts beside the inputs to translate, and the translation among the story's languages.
        var page = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{translation}"));
        Assert.Equal(original.Title, page.QuerySelector("#f-Title ~ .source-text .source-value")!.TextContent);
        Assert.Equal(original.Body, page.QuerySelector("#f-Body ~ .source-text .source-value")!.TextContent);
        Assert.Equal(string.Join('\n', original.Steps), page.QuerySelector("#f-Steps ~ .source-text .source-value")!.TextContent);
        Assert.Equal("ar", page.QuerySelector("#f-Summary ~ .source-text .source-value")!.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("#screenshots .shot .source-text"));
        Assert.NotNull(page.QuerySelector("#screenshots .shot .untranslated"));
        // Its alt text translated in place (the list comes back, still showing the source's beside it).
        var shotForm = await Form.LoadAsync(editor, $"/admin/advisories/{translation}", "#screenshots .shot-texts-form");
        var request = new HttpRequestMessage(HttpMethod.Post, shotForm.Action) { Content = new FormUrlEncodedContent(shotForm.Set("altText", "Листування з фейковим ботом").Fields) };
        request.Headers.Add(ScreenshotsController.InlineHeader, "1");
        var list = await editor.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var shown = Html.Parse("<ol>" + await list.Content.ReadAsStringAsync() + "</ol>");
        Assert.Equal("Листування з фейковим ботом", shown.QuerySelector(".shot-alt")!.TextContent);
        Assert.NotNull(shown.QuerySelector(".source-text"));
        Assert.Null(shown.QuerySelector(".untranslated"));
        Assert.Null(page.QuerySelector("#out-of-date"));
        var sourcePage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{source}"));
        Assert.NotNull(sourcePage.QuerySelector($"#translations a[href='/admin/advisories/{translation}']"));
        Assert.Null(sourcePage.QuerySelector($"#translations button[value=uk]")); // the story has Ukrainian now
    }

    [Fact]
    public async Task A_correction_of_the_source_flags_its_translation_out_of_date_with_the_changes_until_the_editor_decides()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var source = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Body", "Боти просять код.\n\nНе передавайте код нікому.")
            .Set("Title", "Фейкові боти Резерв+ " + Guid.NewGuid().ToString("N")[..6]).Set("Summary", "Шахраї видають себе за підтримку."), "uk");
        await EditorSteps.PressAsync(editor, source, "publish");
        var translation = await TranslateAsync(editor, source, "ar");

        // Not yet translated: it cannot reach readers with the Ukrainian text.
        var refused = await EditorSteps.PressAsync(editor, translation, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ما زال عنوان هذه الترجمة", await EditorSteps.Errors(refused), StringComparison.Ordinal);
        var translated = await SaveAsync(editor, translation, f => f.Set("Title", "روبوتات «ريزيرف+» المزيفة").Set("Summary", "محتالون ينتحلون صفة الدعم.")
            .Set("Body", "تطلب الروبوتات الرمز.\n\nلا تشارك الرمز مع أحد."));
        Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, translation, "publish")).StatusCode);
        Assert.Null(await OutOfDateAsync(editor, translation));

        // The source's workflow (withdrawn, then republished) is not a change of what it says; a correction is.
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, source, "withdraw", ("reason", "Перевіряємо ще раз."))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, source, "publish")).StatusCode);
        Assert.Null(await OutOfDateAsync(editor, translation));
        var corrected = await SaveAsync(editor, source, f => f.Set("Body", "Боти просять код і пароль.\n\nНе передавайте код нікому.")
            .Set("ChangeKind", "correction").Set("CorrectionNote", "Боти просять також пароль."));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var flag = await OutOfDateAsync(editor, translation);
        Assert.NotNull(flag);
        var changed = flag.QuerySelectorAll(".difference h3").Select(h => h.TextContent).ToList();
        Assert.Equal(["النص", "التصحيحات والتحديثات"], changed); // body and corrections, in the editor's language
        Assert.Contains(flag.QuerySelectorAll(".diff .added bdi"), l => l.TextContent == "Боти просять код і пароль.");
        Assert.Contains(flag.QuerySelectorAll(".diff .removed bdi"), l => l.TextContent == "Боти просять код.");
        var compare = flag.QuerySelector("a[href*='/revisions/compare']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(compare)).StatusCode);
        // The source's editor lists it as out of date too.
        var sourcePage = await Html.ReadAsync(await editor.GetAsync($"/admin/advisories/{source}"));
        Assert.Contains(sourcePage.QuerySelectorAll("#translations li"), li => li.QuerySelector($"a[href='/admin/advisories/{translation}']") is not null && li.QuerySelector(".out-of-date-flag") is not null);

        // The editor brings the translation in line and says so.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, translation, f => f.Set("Body", "تطلب الروبوتات الرمز وكلمة المرور.\n\nلا تشارك الرمز مع أحد.")
            .Set("ChangeKind", "correction").Set("CorrectionNote", "تطلب الروبوتات كلمة المرور أيضًا."))).StatusCode);
        Assert.NotNull(await OutOfDateAsync(editor, translation)); // saving is not deciding
        var mark = await Form.LoadAsync(editor, $"/admin/advisories/{translation}", $"form[action='/admin/advisories/{translation}/translation/up-to-date']");
        var marked = await mark.SubmitAsync(editor);
        Assert.EndsWith("done=translation-up-to-date", marked.Headers.Location!.OriginalString);
        Assert.Null(await OutOfDateAsync(editor, translation));
        await site.WithDatabaseAsync(async db => Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.TranslationUpToDate && e.Target!.Contains(translation.ToString()))));

        // Any later change of what the source says flags it again.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, source, f => f.Set("Steps", "Повідомте про бота").Set("ChangeKind", "minor"))).StatusCode);
        Assert.Equal(["ماذا تفعل"], (await OutOfDateAsync(editor, translation))!.QuerySelectorAll(".difference h3").Select(h => h.TextContent));
    }

    [Fact]
    public async Task Translating_into_a_language_the_story_has_opens_that_advisory_and_an_unknown_language_is_refused()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var source = await EditorSteps.CreateDraftAsync(editor);
        var english = await TranslateAsync(editor, source, "en");
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{source}", $"form[action='/admin/advisories/{source}/translate']");

        var again = await form.SubmitAsync(editor, ("language", "en"));
        Assert.Equal($"/admin/advisories/{english}", again.Headers.Location!.OriginalString);
        var own = await form.SubmitAsync(editor, ("language", "ar"));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        var unknown = await form.SubmitAsync(editor, ("language", "xx"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        await site.WithDatabaseAsync(async db => Assert.Equal(1, await db.Advisories.CountAsync(a => a.TranslatedFromId == source)));
    }

    [Fact]
    public async Task The_picker_finds_advisories_in_other_languages_as_typed_and_returns_their_story()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var word = "Резерв" + Guid.NewGuid().ToString("N")[..6];
        var ukrainian = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", $"Фейкові боти {word}+ просять дані"), "uk");
        var arabic = await TranslateAsync(editor, ukrainian, "ar");
        string key = "";
        await site.WithDatabaseAsync(async db => key = (await db.Advisories.SingleAsync(a => a.Id == ukrainian)).TranslationKey!);

        // Typed in lower case; from an English advisory's editor (any language but English).
        var found = await ChoicesAsync(editor, word.ToLowerInvariant(), "en");
        Assert.Equal([("ar", key), ("uk", key)], found.Select(c => (c.GetProperty("language").GetString()!, c.GetProperty("value").GetString()!)).Order());
        // From a Ukrainian advisory's editor: not the Ukrainian one (the form's own language), nor the advisory itself.
        Assert.Equal("ar", Assert.Single(await ChoicesAsync(editor, word, "uk")).GetProperty("language").GetString());
        Assert.Empty(await ChoicesAsync(editor, word, "uk", except: arabic));
        Assert.Empty(await ChoicesAsync(editor, "\u0000" + word, "en"));
        // The back-office address of an advisory, pasted, finds it.
        var pasted = await ChoicesAsync(editor, $"https://example.org/admin/advisories/{ukrainian}", "en");
        Assert.Equal(key, Assert.Single(pasted).GetProperty("value").GetString());
    }

    private static async Task<List<JsonElement>> ChoicesAsync(HttpClient client, string q, string lang, Guid? except = null)
    {
        var response = await client.GetAsync($"/admin/advisories/translation-choices?q={Uri.EscapeDataString(q)}&lang={lang}&id={except}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];
    }

    private static async Task<AngleSharp.Dom.IElement?> OutOfDateAsync(HttpClient client, Guid translation)
    {
        var page = await Html.ReadAsync(await client.GetAsync($"/admin/advisories/{translation}"));
        Assert.NotNull(page.QuerySelector("#translation-source"));
        return page.QuerySelector("#out-of-date") is null ? null : page.QuerySelector("#translation-source");
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, Action<Form> change)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        change(form);
        return await form.SubmitAsync(client, ("command", "save"));
    }
}
