using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using FactCheck.Tests.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FactCheck.Tests.Admin;

/// <summary>
/// What an editor relies on every time they press Save, tested for every field of <see cref="AdvisoryContent"/>:
/// saving unchanged changes nothing (stored advisory and page, byte for byte), and changing one field changes
/// only it, as the revision history names it. The fields come from <see cref="AdvisoryContent.Fields"/> and the
/// record's own properties, so a new field fails <see cref="Every_field_of_the_content_has_a_change_an_editor_can_make"/>
/// until it has an entry in <see cref="Changes"/>.
/// </summary>
public class RoundTripTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    /// <summary>How an editor changes each field through the back-office, and which fields that change may also move.</summary>
    private static readonly Dictionary<string, FieldChange> Changes = new()
    {
        ["Admin.Field.Kind"] = Edit(f => f.Set("Kind", "Alert")),
        ["Admin.Field.Language"] = Edit(f => f.Set("Language", "uk")),
        ["Admin.Field.Title"] = Edit(f => f.Set("Title", f.Get("Title") + " (محدّث)")),
        ["Admin.Field.Slug"] = Edit(f => f.Set("Slug", f.Get("Slug") + "-2")),
        ["Admin.Field.Summary"] = Edit(f => f.Set("Summary", "ملخص آخر للتحذير نفسه.")),
        ["Admin.Field.Body"] = Edit(f => f.Set("Body", f.Get("Body") + "\n\nفقرة جديدة.")),
        ["Admin.Field.ClaimText"] = Edit(f => f.Set("ClaimText", "ادعاء بصياغة أخرى")),
        ["Admin.Field.Claimant"] = Edit(f => f.Set("Claimant", "@another_fake_bot")),
        ["Admin.Field.ClaimantKind"] = Edit(f => f.Set("ClaimantKind", "Organization")),
        ["Admin.Field.ClaimFirstSeen"] = Edit(f => f.Set("ClaimFirstSeen", "2025-01-02")),
        ["Admin.Field.ClaimAppearances"] = Edit(f => f.Set("ClaimAppearances", f.Get("ClaimAppearances") + "\nhttps://example.org/third")),
        ["Admin.Field.Rating"] = Edit(f => f.Set("Rating", "fake")),
        ["Admin.Field.Severity"] = Edit(f => f.Set("Severity", "Critical")),
        ["Admin.Field.Steps"] = Edit(f => f.Set("Steps", f.Get("Steps") + "\nاحذف المحادثة")),
        ["Admin.Field.Platforms"] = Edit(f => f.Add("Platforms", "viber")),
        ["Admin.Field.Tags"] = Edit(f => f.Set("Tags", f.Get("Tags") + "، وسم جديد")),
        ["Admin.Field.Authors"] = Edit(f => f.Set("Authors", f.Get("Authors") + ", محرر ثالث")),
        ["Admin.Field.Indicators"] = Edit(f => f.Set("Indicators[1].Country", "PL")),
        ["Admin.Field.Sources"] = Edit(f => f.Set("Sources[0].Publisher", "ناشر آخر")),
        ["Admin.Field.TranslationKey"] = Edit(f => f.Set("TranslationOf", "")),
        ["Admin.Field.Screenshots"] = new(async (client, id) =>
        {
            var shot = await ShotIdAsync(client, id);
            var form = await Form.LoadAsync(client, $"/admin/advisories/{id}/screenshots/{shot}");
            return await form.Set("altText", "نص بديل آخر للصورة").SubmitAsync(client);
        }),
        ["Admin.Field.Corrections"] = new((client, id) => SaveAsync(client, id, f => f.Set("ChangeKind", "correction")
            .Set("CorrectionNote", "صحّحنا تاريخ أول ظهور للرسالة.")), Published: true),
        ["Admin.Field.Status"] = new((client, id) => EditorSteps.PressAsync(client, id, "submit")),
        ["Admin.Field.ScheduledFor"] = new((client, id) => EditorSteps.PressAsync(client, id, "schedule",
            ("at", DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)), ("timeZone", "UTC")),
            AlsoChanges: ["Admin.Field.Status"]),
        ["Admin.Field.WithdrawalReason"] = new((client, id) => EditorSteps.PressAsync(client, id, "withdraw", ("reason", "تبيّن أن الحساب رسمي.")),
            Published: true, AlsoChanges: ["Admin.Field.Status"]),
    };

    /// <param name="Published">Made on a published advisory (a draft otherwise).</param>
    /// <param name="AlsoChanges">Fields the same action moves by its nature (scheduling a draft also changes its status).</param>
    public sealed record FieldChange(Func<HttpClient, Guid, Task<HttpResponseMessage>> Make, bool Published = false, string[]? AlsoChanges = null);

    private static FieldChange Edit(Action<Form> change) => new((client, id) => SaveAsync(client, id, change));

    public static TheoryData<string> Fields() => new(new AdvisoryContent().Fields().Select(f => f.Field));

    public static TheoryData<AdvisoryStatus, string> StatusesAndRoles()
    {
        var data = new TheoryData<AdvisoryStatus, string>();
        foreach (var status in new[] { AdvisoryStatus.Draft, AdvisoryStatus.InReview, AdvisoryStatus.Scheduled, AdvisoryStatus.Published })
            foreach (var role in EditorRoles.All.Where(r => AdvisoryWorkflow.MayEdit(new Advisory { Status = status }, canPublish: r != EditorRoles.Contributor)))
                data.Add(status, role);
        return data;
    }

    [Fact]
    public void Every_field_of_the_content_has_a_change_an_editor_can_make()
    {
        var listed = new AdvisoryContent().Fields().Select(f => f.Field).ToList();
        var properties = typeof(AdvisoryContent).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        // Every property is in the field list (so in revisions, diffs and the conflict page), and changing it changes what is compared.
        Assert.Equal(properties.Select(p => "Admin.Field." + p.Name).Order(), listed.Order());
        foreach (var property in properties)
        {
            var changed = new AdvisoryContent();
            property.SetValue(changed, SomeValue(property.PropertyType));
            var differing = new AdvisoryContent().Fields().Zip(changed.Fields()).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Field);
            Assert.Equal(["Admin.Field." + property.Name], differing);
        }
        Assert.Equal(listed.Order(), Changes.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(StatusesAndRoles))]
    public async Task Opening_the_editor_and_saving_unchanged_changes_nothing(AdvisoryStatus status, string role)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await FullAdvisoryAsync(editor, status);
        var (client, _) = role == EditorRoles.Editor ? (editor, null!) : await site.SignedInAsync(role);
        var stored = await StoredAsync(id);
        var page = await PageAsync(client, id, status);

        for (var round = 0; round < 2; round++)
        {
            var response = await SaveAsync(client, id, f => { if (status == AdvisoryStatus.Published) f.Set("ChangeKind", "minor"); });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"save answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
            Assert.Equal(stored, await StoredAsync(id));
            Assert.Equal(page, await PageAsync(client, id, status));
        }
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Changing_one_field_changes_only_that_field(string field)
    {
        var change = Changes[field];
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await FullAdvisoryAsync(editor, change.Published ? AdvisoryStatus.Published : AdvisoryStatus.Draft);
        var before = await ContentAsync(id);
        var revisions = await RevisionCountAsync(id);

        var response = await change.Make(editor, id);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{field}: answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");

        string[] expected = [field, .. change.AlsoChanges ?? []];
        var after = await ContentAsync(id);
        Assert.Equal(expected.Order(), before.Fields().Zip(after.Fields()).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Field).Order());

        // The history says the same: one new revision, whose comparison with the one before names exactly these fields.
        Assert.Equal(revisions + 1, await RevisionCountAsync(id));
        var compare = await editor.GetAsync($"/admin/advisories/{id}/revisions/compare?from={revisions}&to={revisions + 1}");
        var headings = (await Html.ReadAsync(compare)).QuerySelectorAll("section.difference h2").Select(h => h.TextContent.Trim());
        Assert.Equal(expected.Select(Label).Order(), headings.Order());
    }

    [Fact]
    public async Task The_conflict_page_shows_the_verdict_by_its_label()
    {
        var (first, _) = await site.SignedInAsync(EditorRoles.Editor);
        var (second, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(first);
        var mine = await Form.LoadAsync(second, $"/admin/advisories/{id}", "#editor");
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, id, f => f.Set("Rating", "misleading"))).StatusCode);

        var conflict = await mine.SubmitAsync(second, ("command", "save"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ReadAsync(conflict);
        var verdict = page.QuerySelectorAll(".conflict-field").Single(f => f.QuerySelector("h3")!.TextContent == Label("Admin.Field.Rating"));
        var values = verdict.QuerySelectorAll("pre.value").Select(v => v.TextContent).ToList();
        Assert.Equal(["مضلل", "احتيال"], values); // theirs, yours — in the interface language, not "misleading"/"scam"
    }

    [Fact]
    public async Task A_full_advisory_exported_and_imported_into_another_site_keeps_every_field()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await FullAdvisoryAsync(editor, AdvisoryStatus.Published);
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-export", Guid.NewGuid().ToString("N"));
        try
        {
            await site.WithServiceAsync(services => services.GetRequiredService<ContentExporter>().ExportAsync(folder, [id]));
            using var other = new BackOfficeSite();
            using (var scope = other.Services.CreateScope())
                Assert.Empty((await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder)).Errors);
            AdvisoryContent? copy = null;
            await other.WithDatabaseAsync(async db => copy = AdvisoryContent.Of(await LoadAsync(db, id)));
            // Every field the same; the picture is encoded again, so only its stored name differs.
            Assert.Equal(WithoutImageNames(await ContentAsync(id)).ToJson(), WithoutImageNames(copy!).ToJson());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static AdvisoryContent WithoutImageNames(AdvisoryContent c) => c with { Screenshots = c.Screenshots.Select(s => s with { Image = "" }).ToList() };
    }

    [Fact]
    public async Task Every_text_input_of_the_editor_refuses_more_than_its_limit_next_to_the_input_and_keeps_the_text()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var inputs = (await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor")).Page
            .QuerySelectorAll("#editor input[maxlength], #editor textarea[maxlength]")
            .Where(e => e.GetAttribute("type") is null or "text" or "url").ToList();
        Assert.True(inputs.Count >= 10, $"only {inputs.Count} limited inputs");
        foreach (var input in inputs)
        {
            var name = input.GetAttribute("name")!;
            var max = int.Parse(input.GetAttribute("maxlength")!, CultureInfo.InvariantCulture);
            var tooLong = new string('ب', max + 1);
            var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
            // A row's other cells are filled so that the row is kept and only the length is wrong.
            if (name.StartsWith("Sources[", StringComparison.Ordinal))
                form.Set(name[..name.IndexOf('.')] + ".Title", "مصدر").Set(name[..name.IndexOf('.')] + ".Url", "https://example.org/source");
            var response = await form.Set(name, tooLong).SubmitAsync(editor, ("command", "save"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {max + 1} characters answered {(int)response.StatusCode}");
            var page = await Html.ReadAsync(response);
            Assert.True(page.QuerySelector($"[id='{input.Id}-error']") is not null, $"{name}: no message next to it");
            Assert.Contains($"{input.Id}-error", page.QuerySelector($"[id='{input.Id}']")!.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
            var kept = page.QuerySelector($"[id='{input.Id}']")!;
            Assert.True(tooLong == (kept.TagName == "TEXTAREA" ? kept.TextContent : kept.GetAttribute("value")), $"{name}: the text typed is gone");
        }
    }

    // ---- The advisory every test starts from: every field filled in, through the editor ---------------

    /// <summary>Creates, through the editor and the screenshot pages, an advisory with every field set, and brings it to <paramref name="status"/>.</summary>
    internal async Task<Guid> FullAdvisoryAsync(HttpClient editor, AdvisoryStatus status)
    {
        var englishTitle = "Fake support bot " + Guid.NewGuid().ToString("N")[..6];
        var english = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", englishTitle), "en");
        var form = EditorSteps.FillMinimal(await EditorSteps.FindTranslationAsync(editor, await EditorSteps.NewFormAsync(editor), englishTitle));
        var group = form.Page.QuerySelectorAll("#f-TranslationOf option").Single(o => o.GetAttribute("value") == AdvisoryWriter.NewGroupPrefix + english.ToString("N"));
        form.Set("Kind", "FactCheck").Set("Slug", "full-" + Guid.NewGuid().ToString("N")[..8])
            .Set("Claimant", "@fake_support_bot").Set("ClaimFirstSeen", "2024-05-02")
            .Set("ClaimAppearances", "https://t.me/fake_support_bot\nhttps://example.org/post/1")
            .Set("Severity", "High").Add("Platforms", "telegram").Add("Platforms", "whatsapp")
            .Set("Steps", "لا تشارك الرمز\nأبلغ عن الحساب")
            .Set("Tags", "تيليغرام، رموز التحقق").Set("Authors", "فريق التحقق, محرر ثان")
            .Set("Indicators[0].Type", "Handle").Set("Indicators[0].Value", "@fake_support_bot").Set("Indicators[0].FirstSeen", "2024-05-01")
            .Set("Indicators[1].Type", "Phone").Set("Indicators[1].Value", "093 000 0168").Set("Indicators[1].Country", "UA").Set("Indicators[1].LastSeen", "2024-06-01")
            .Set("Sources[0].Title", "تحذير رسمي").Set("Sources[0].Url", "https://example.gov.ua/warning").Set("Sources[0].Publisher", "الوزارة")
            .Set("Sources[0].AccessedOn", "2024-05-03").Set("Sources[0].ArchiveUrl", "https://archive.example/warning")
            .Set("TranslationOf", group.GetAttribute("value")!);
        var created = await form.SubmitAsync(editor, ("command", "save"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await EditorSteps.Errors(created));
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(300, 200, TestImages.Pattern), "محادثة مع البوت المزيف");

        switch (status)
        {
            case AdvisoryStatus.InReview:
                await Pressed(EditorSteps.PressAsync(editor, id, "submit"));
                break;
            case AdvisoryStatus.Scheduled:
                await Pressed(EditorSteps.PressAsync(editor, id, "schedule",
                    ("at", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)), ("timeZone", "UTC")));
                break;
            case AdvisoryStatus.Published:
                await Pressed(EditorSteps.PressAsync(editor, id, "publish"));
                await Pressed(SaveAsync(editor, id, f => f.Set("ChangeKind", "update").Set("CorrectionNote", "أضفنا رقمًا جديدًا.")));
                break;
        }
        Assert.Equal(status, (await ContentAsync(id)).Status);
        return id;

        static async Task Pressed(Task<HttpResponseMessage> press)
        {
            var response = await press;
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.Contains("problem", StringComparison.Ordinal),
                $"answered {(int)response.StatusCode} {response.Headers.Location}: {await EditorSteps.Errors(response)}");
        }
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, Action<Form> change)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{id}", "#editor");
        change(form);
        return await form.SubmitAsync(client, ("command", "save"));
    }

    private static async Task<int> ShotIdAsync(HttpClient client, Guid id)
    {
        var page = await Html.ReadAsync(await client.GetAsync($"/admin/advisories/{id}"));
        var link = page.QuerySelectorAll("#screenshots form[action]").Select(a => a.GetAttribute("action")!)
            .First(href => href.StartsWith($"/admin/advisories/{id}/screenshots/", StringComparison.Ordinal) && int.TryParse(href.Split('/')[^1], out _));
        return int.Parse(link.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>The page readers see: the public page once published, the editor's preview (the public template) before.</summary>
    private async Task<string> PageAsync(HttpClient client, Guid id, AdvisoryStatus status)
    {
        var response = status == AdvisoryStatus.Published
            ? await site.Client().GetAsync(PublicPath(await ContentAsync(id)))
            : await client.GetAsync($"/admin/advisories/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string PublicPath(AdvisoryContent content) => new Advisory { Language = content.Language, Slug = content.Slug }.Path;

    private async Task<AdvisoryContent> ContentAsync(Guid id)
    {
        AdvisoryContent? content = null;
        await site.WithDatabaseAsync(async db => content = AdvisoryContent.Of(await LoadAsync(db, id)));
        return content!;
    }

    /// <summary>Everything stored about the advisory: its content, every column of its row, the ids of its rows, its history.</summary>
    private async Task<string> StoredAsync(Guid id)
    {
        var stored = "";
        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await LoadAsync(db, id);
            stored = JsonSerializer.Serialize(new
            {
                Content = AdvisoryContent.Of(advisory).ToJson(),
                Row = db.Entry(advisory).Properties.ToDictionary(p => p.Metadata.Name, p => Convert.ToString(p.CurrentValue, CultureInfo.InvariantCulture)),
                Indicators = advisory.Indicators.Select(i => i.Id).Order(),
                Sources = advisory.Sources.Select(s => s.Id).Order(),
                Screenshots = advisory.Screenshots.Select(s => (s.Id, s.Position)).Order(),
                Corrections = advisory.Corrections.Select(c => c.Id).Order(),
                Revisions = await db.AdvisoryRevisions.CountAsync(r => r.AdvisoryId == id),
                Audit = await db.AuditLog.CountAsync(e => e.Target!.Contains(id.ToString())),
            });
        });
        return stored;
    }

    private async Task<int> RevisionCountAsync(Guid id)
    {
        var count = 0;
        await site.WithDatabaseAsync(async db => count = await db.AdvisoryRevisions.CountAsync(r => r.AdvisoryId == id && r.Reason != RevisionReason.Conflict));
        return count;
    }

    private static Task<Advisory> LoadAsync(AppDbContext db, Guid id) =>
        db.Advisories.AsNoTracking()
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery().SingleAsync(a => a.Id == id);

    /// <summary>A field's label as the back-office shows it (Arabic: the test accounts' interface language).</summary>
    private string Label(string key)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = SiteLanguage.Default.Culture;
        try { return site.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key]; }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    /// <summary>A value unlike the record's default, for any property type it has.</summary>
    private static object SomeValue(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(string)) return "x";
        if (plain.IsEnum) return Enum.GetValues(plain).GetValue(1)!;
        if (plain == typeof(DateOnly)) return new DateOnly(2025, 3, 14);
        if (plain == typeof(DateTime)) return new DateTime(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc);
        if (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = plain.GetGenericArguments()[0];
            var list = (System.Collections.IList)Activator.CreateInstance(plain)!;
            list.Add(item == typeof(string) ? "x" : Activator.CreateInstance(item,
                item.GetConstructors().Single().GetParameters().Select(p => SomeValue(p.ParameterType)).ToArray()));
            return list;
        }
        throw new InvalidOperationException($"no test value for {type}: add one here");
    }
}
