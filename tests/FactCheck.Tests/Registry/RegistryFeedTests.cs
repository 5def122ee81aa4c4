using System.Net;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Registry;

/// <summary>Advisories' indicators feed the registry when they are published (PublishingEvents), never from drafts.</summary>
public class RegistryFeedTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Publishing_an_advisory_adds_its_indicators_to_the_registry_with_a_status_from_its_verdict()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor, form => form
            .Set("Kind", "Alert").Set("Rating", "scam")
            .Set("Indicators[0].Type", "Phone").Set("Indicators[0].Value", "067 000 0463").Set("Indicators[0].Country", "UA").Set("Indicators[0].FirstSeen", "2025-11-02")
            .Set("Indicators[1].Type", "Handle").Set("Indicators[1].Value", "t.me/pryvat_help_desk_bot"));

        async Task<List<RegistryEntry>> EntriesAsync()
        {
            List<RegistryEntry> entries = [];
            await site.WithDatabaseAsync(async db => entries = await db.RegistryEntries.Include(e => e.History)
                .Where(e => e.Value == "+380670000463" || e.Value == "@pryvat_help_desk_bot").ToListAsync());
            return entries;
        }
        Assert.Empty(await EntriesAsync()); // a draft tells readers nothing

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var entries = await EntriesAsync();
        Assert.Equal(2, entries.Count);
        var phone = entries.Single(e => e.Type == IndicatorType.Phone);
        var status = Assert.Single(phone.History);
        Assert.Equal(ChannelStatus.Malicious, status.Status);
        Assert.Equal(new DateOnly(2025, 11, 2), status.Since);
        Assert.Equal(id, status.AdvisoryId);
        Assert.Equal("0000463", phone.PhoneKey);
        await site.WithDatabaseAsync(async db => Assert.True(await db.RegistryRevisions.AnyAsync(r => r.EntryId == phone.Id)));

        // The reader typing the number nationally gets the status, since when, and the advisory.
        var page = await Html.ReadAsync(await site.Client().GetAsync("/en/check?q=" + Uri.EscapeDataString("0670000463")));
        var answer = page.QuerySelector(".channel-answer")!;
        Assert.Contains("Used for scams", answer.TextContent);
        Assert.Contains("2 November 2025", answer.TextContent);
        Assert.NotNull(answer.QuerySelector($".channel-advisories a[href^='/ar/advisories/']"));

        // Publishing again (an edit) adds no second status: what the registry holds is the editors' to change.
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        form.Set("Summary", "ملخص معدل").Set("ChangeKind", "minor");
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(editor, ("command", "save"))).StatusCode);
        Assert.Single((await EntriesAsync()).Single(e => e.Type == IndicatorType.Phone).History);
    }
}
