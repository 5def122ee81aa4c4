using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>The back-office list: search over drafts and published work, its filters, and bulk actions.</summary>
public class BackOfficeSearchTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<Guid>> FoundAsync(HttpClient client, string query)
    {
        var page = await Html.ReadAsync(await client.GetAsync("/admin/advisories?" + query));
        return page.QuerySelectorAll("tbody input[name=ids]").Select(i => Guid.Parse(i.GetAttribute("value")!)).ToList();
    }

    /// <summary>{0}: this run's handle suffix; {1} {2} {3}: this run's phone number groups (+380 44 {1} {2} {3}).</summary>
    [Theory]
    [InlineData("reserveplus_support_bot{0}")]
    [InlineData("@RESERVEPLUS_SUPPORT_BOT{0}")]
    [InlineData("https://t.me/ReservePlus_Support_Bot{0}?start=x")]
    [InlineData("t.me/reserveplus_support_bot{0}")]
    [InlineData("044 {1} {2} {3}")]
    [InlineData("+380 (44) {1}-{2}-{3}")]
    [InlineData("0038044{1}{2}{3}")]
    public async Task A_draft_is_found_by_its_handle_or_number_however_it_is_typed(string typed)
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        // Each run has its own handle and number, so that only this draft can match.
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (a, b, c) = (digits[..3], digits[3..5], digits[5..]);
        var id = await EditorSteps.CreateDraftAsync(contributor, f => f
            .Set("Indicators[0].Type", "Handle").Set("Indicators[0].Value", "@ReservePlus_Support_Bot" + suffix)
            .Set("Indicators[1].Type", "Phone").Set("Indicators[1].Value", $"+380 44 {a} {b} {c}").Set("Indicators[1].Country", "UA"));
        var unrelated = await EditorSteps.CreateDraftAsync(contributor);

        var found = await FoundAsync(contributor, "q=" + Uri.EscapeDataString(string.Format(System.Globalization.CultureInfo.InvariantCulture, typed, suffix, a, b, c)));
        Assert.Contains(id, found);
        Assert.DoesNotContain(unrelated, found);
    }

    [Theory]
    [InlineData("Body", "يطلب المحتال رمز التفعيل المكون من ستة أرقام")]
    [InlineData("ClaimText", "هذا هو الدعم الرسمي لتيليغرام")]
    [InlineData("Summary", "TELEGRAM Premium offer")]
    [InlineData("Title", "Фейковий бот Резерв+")]
    public async Task Words_of_the_title_summary_text_or_claim_find_it(string field, string text)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = Marker();
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set(field, field == "Title" ? text + " " + marker : marker + " " + text));
        // A part of it, and for Latin letters in any case.
        var words = text.Split(' ');
        var part = string.Join(' ', words.Skip(1).Take(2));
        if (part.All(c => c < 128)) part = part.ToLowerInvariant();
        var found = await FoundAsync(editor, "q=" + Uri.EscapeDataString(part));
        Assert.Contains(id, found);
    }

    public static TheoryData<string, string, string, string> Filters => new()
    {
        // filter, value wanted, the form field that sets it, the value of the other advisory
        { "lang", "uk", "Language", "ar" },
        { "verdict", "fake", "Rating", "scam" },
        { "platform", "telegram", "Platforms", "whatsapp" },
        { "author", "Олена Коваль", "Authors", "سلمى المحررة" },
        { "status", "InReview", "", "" },
    };

    [Theory, MemberData(nameof(Filters))]
    public async Task Each_filter_keeps_what_matches_and_drops_the_rest(string filter, string wanted, string field, string other)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = Marker();
        async Task<Guid> CreateAsync(string value) => await EditorSteps.CreateDraftAsync(editor, f =>
        {
            f.Set("Title", marker + " " + value);
            if (field.Length > 0) f.Set(field, value);
        }, lang: field == "Language" ? value : "ar");
        var match = await CreateAsync(wanted);
        var miss = await CreateAsync(other);
        if (filter == "status") await EditorSteps.PressAsync(editor, match, "submit");

        Assert.Equal([match], await FoundAsync(editor, $"q={marker}&{filter}={Uri.EscapeDataString(filter == "author" ? wanted.Split(' ')[0] : wanted)}"));
        Assert.Equal(2, (await FoundAsync(editor, $"q={marker}")).Count);
        Assert.Contains(miss, await FoundAsync(editor, $"q={marker}"));
    }

    [Fact]
    public async Task The_review_queue_lists_what_waits_oldest_first()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = Marker();
        var first = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " 1"));
        var second = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " 2"));
        var draft = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " 3"));
        await EditorSteps.PressAsync(editor, first, "submit");
        await EditorSteps.PressAsync(editor, second, "submit");

        var page = await Html.ReadAsync(await editor.GetAsync("/admin/review?q=" + marker));
        Assert.Equal([first, second], page.QuerySelectorAll("tbody input[name=ids]").Select(i => Guid.Parse(i.GetAttribute("value")!)));
        Assert.DoesNotContain(draft.ToString(), page.DocumentElement.OuterHtml);
        Assert.Null(page.QuerySelector("select#status")); // the queue's status is fixed
    }

    [Fact]
    public async Task Bulk_actions_tag_submit_and_assign_what_the_person_may_change_and_count_the_rest()
    {
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var (editor, colleague) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = Marker();
        var drafts = new[] { await EditorSteps.CreateDraftAsync(contributor, f => f.Set("Title", marker + " أ")), await EditorSteps.CreateDraftAsync(contributor, f => f.Set("Title", marker + " ب")) };
        var published = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", marker + " ج"));
        await EditorSteps.PressAsync(editor, published, "publish");
        var all = drafts.Append(published).ToList();

        async Task<HttpResponseMessage> BulkAsync(HttpClient client, IEnumerable<Guid> ids, string action, params (string, string)[] fields)
        {
            var form = await Form.LoadAsync(client, "/admin/advisories?q=" + marker, "#bulk");
            foreach (var id in ids) form.Add("ids", id.ToString());
            foreach (var (name, value) in fields) form.Set(name, value);
            return await form.SubmitAsync(client, ("action", action));
        }

        // A Contributor may tag the drafts, not the published advisory.
        var tag = "بوتات-" + marker;
        var tagged = await BulkAsync(contributor, all, "tag", ("tag", tag));
        Assert.EndsWith("bulk=2-1", tagged.Headers.Location!.OriginalString);
        var notice = (await Html.ReadAsync(await contributor.GetAsync(tagged.Headers.Location.OriginalString))).QuerySelector(".notice")!.TextContent;
        Assert.Contains("2", notice);
        Assert.Contains("1", notice);
        // An Editor may tag the published one: a minor edit, readers see the tag, its updated date stays.
        DateTime updatedBefore = default;
        await site.WithDatabaseAsync(async db => updatedBefore = (await db.Advisories.SingleAsync(a => a.Id == published)).UpdatedAt);
        Assert.EndsWith("bulk=1-0", (await BulkAsync(editor, [published], "tag", ("tag", tag))).Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
        {
            var tags = await db.Advisories.Where(a => all.Contains(a.Id)).Select(a => a.Tags.Count(t => t.Name == tag)).ToListAsync();
            Assert.All(tags, count => Assert.Equal(1, count));
            var stored = await db.Advisories.SingleAsync(a => a.Id == published);
            Assert.Equal((AdvisoryStatus.Published, updatedBefore), (stored.Status, stored.UpdatedAt));
            Assert.Equal(RevisionReason.Save, (await db.AdvisoryRevisions.Where(r => r.AdvisoryId == published).OrderBy(r => r.Number).LastAsync()).Reason);
        });

        // Sending to review: the drafts go, the published one is skipped.
        Assert.EndsWith("bulk=2-1", (await BulkAsync(contributor, all, "submit")).Headers.Location!.OriginalString);
        // Assigning: all three.
        Assert.EndsWith("bulk=3-0", (await BulkAsync(contributor, all, "assign", ("assignee", colleague.Id))).Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.All(await db.Advisories.Where(a => drafts.Contains(a.Id)).Select(a => a.Status).ToListAsync(), s => Assert.Equal(AdvisoryStatus.InReview, s));
            Assert.Equal(3, await db.Assignments.CountAsync(a => all.Contains(a.AdvisoryId) && a.UserId == colleague.Id));
        });

        // Nothing ticked, or a tag with a comma: a clear 400.
        Assert.Equal(HttpStatusCode.BadRequest, (await BulkAsync(editor, [], "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await BulkAsync(editor, all, "tag", ("tag", "a, b"))).StatusCode);
    }
}
