using System.Net;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Registry;

/// <summary>
/// The Reserve+ story as data, entered through the back-office as an editor would: the Ministry's support
/// bot was official from May 2024, dropped in July, and hijacked to spread malware in October (CERT-UA).
/// The check must answer for each date what was true then, and today name the official channel instead.
/// </summary>
public class RegistryStoryTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private const string Bot = "@reserveplusbot";
    private static readonly SemaphoreSlim once = new(1, 1);
    private static bool entered;

    /// <summary>The story, entered once for the class (each test reads it; none changes it).</summary>
    private async Task<HttpClient> StoryAsync()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        await once.WaitAsync();
        try
        {
            if (entered) return client;
            await RegistrySteps.CreateOrganisationAsync(client, "mod-ukraine", "Ministry of Defence of Ukraine");
            var bot = await RegistrySteps.CreateEntryAsync(client, IndicatorType.Handle, "https://t.me/ReservePlusBot", "Official", "2024-05-18",
                "mod-ukraine", "Reserve+ support bot", "Ministry of Defence announcement");
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrySteps.AddStatusAsync(client, bot, "Abandoned", "2024-07-15", "mod-ukraine", "Reserve+ support bot",
                "Ministry of Defence: support moved to the app")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await RegistrySteps.AddStatusAsync(client, bot, "Hijacked", "2024-10-14", "mod-ukraine", null,
                "CERT-UA warning", "https://cert.example/ua/2024-10")).StatusCode);
            await RegistrySteps.CreateEntryAsync(client, IndicatorType.Url, "https://reserveplus.mod.example/support", "Official", "2024-07-15",
                "mod-ukraine", "Reserve+ support page");
            await RegistrySteps.CreateEntryAsync(client, IndicatorType.Handle, "@reserveplus_support", "Official", "2024-07-15", "mod-ukraine", "Reserve+ support");
            entered = true;
            return client;
        }
        finally
        {
            once.Release();
        }
    }

    private async Task<ChannelAnswer> AnswerOnAsync(string input, string day)
    {
        await StoryAsync();
        return await site.WithServiceAsync(async services =>
        {
            var answers = await services.GetRequiredService<RegistryCheck>().AnswerAsync(IndicatorNormalizer.Candidates(input), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            return answers.Single(a => a.Type == IndicatorType.Handle);
        });
    }

    [Fact]
    public async Task Before_the_launch_the_bot_was_nothing_we_knew()
    {
        var answer = await AnswerOnAsync(Bot, "2024-05-01");
        Assert.NotNull(answer.EntryId);
        Assert.Null(answer.Current);
        Assert.Equal("Registry.Advice.NotListed", answer.AdviceKey);
    }

    [Fact]
    public async Task In_June_2024_the_bot_is_the_ministrys_official_channel()
    {
        var answer = await AnswerOnAsync(Bot, "2024-06-01");
        Assert.Equal(ChannelStatus.Official, answer.Status);
        Assert.Equal(new DateOnly(2024, 5, 18), answer.Current!.Since);
        Assert.Equal("Ministry of Defence of Ukraine", answer.Current.Organisation);
        Assert.Empty(answer.Replacements);
        Assert.Empty(answer.LooksLike);
        Assert.Equal("Registry.Advice.Official", answer.AdviceKey);
    }

    [Fact]
    public async Task In_September_2024_it_was_official_until_July_and_the_new_channels_are_named()
    {
        var answer = await AnswerOnAsync("t.me/reserveplusbot", "2024-09-01");
        Assert.Equal(ChannelStatus.Abandoned, answer.Status);
        Assert.Equal(new DateOnly(2024, 7, 15), answer.FormerlyOfficial!.Until);
        Assert.Equal(["@reserveplus_support", "https://reserveplus.mod.example/support"], answer.Replacements.Select(r => r.Value).Order(StringComparer.Ordinal));
        Assert.Equal("Registry.Advice.Abandoned", answer.AdviceKey);
    }

    [Fact]
    public async Task In_November_2024_it_is_hijacked_with_the_whole_history()
    {
        var answer = await AnswerOnAsync(Bot, "2024-11-01");
        Assert.Equal(ChannelStatus.Hijacked, answer.Status);
        Assert.Equal(new DateOnly(2024, 10, 14), answer.Current!.Since);
        Assert.Equal([ChannelStatus.Official, ChannelStatus.Abandoned, ChannelStatus.Hijacked], answer.History.Select(h => h.Status));
        Assert.Equal([new DateOnly(2024, 7, 15), new DateOnly(2024, 10, 14), (DateOnly?)null], answer.History.Select(h => h.Until));
        Assert.Equal("https://cert.example/ua/2024-10", answer.History[^1].SourceUrl);
        Assert.Contains(answer.Replacements, r => r.Value == "@reserveplus_support");
    }

    [Fact]
    public async Task The_check_page_today_says_hijacked_formerly_official_and_names_the_official_channel()
    {
        await StoryAsync();
        var page = await Html.ReadAsync(await site.Client().GetAsync("/uk/check?q=" + Uri.EscapeDataString("@ReservePlusBot")));
        var answer = page.QuerySelector(".channel-answer")!;
        Assert.Contains("Перехоплений кимось іншим", answer.TextContent);
        Assert.Contains("Це був офіційний канал", answer.TextContent);
        Assert.Contains("Ministry of Defence of Ukraine", answer.TextContent);
        Assert.Contains("hxxps://reserveplus[.]mod[.]example/support", answer.QuerySelector(".channel-replacement")!.TextContent);
        Assert.Contains("Тепер ним керує хтось інший", answer.QuerySelector(".channel-advice")!.TextContent);
    }

    [Fact]
    public async Task A_handle_with_a_cyrillic_e_is_flagged_as_a_look_alike_of_the_official_one()
    {
        await StoryAsync();
        var fake = "@r\u0435serveplus_support"; // Cyrillic е (U+0435)
        var answer = await AnswerOnAsync(fake, DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(answer.EntryId);
        Assert.Equal("@reserveplus_support", Assert.Single(answer.LooksLike).Value);
        Assert.Equal("Registry.Advice.LookAlike", answer.AdviceKey);

        foreach (var language in new[] { "en", "ar" })
        {
            var page = await Html.ReadAsync(await site.Client().GetAsync($"/{language}/check?q=" + Uri.EscapeDataString(fake)));
            var lookAlike = page.QuerySelector(".channel-lookalike")!;
            Assert.Contains("@reserveplus_support", lookAlike.TextContent);
            Assert.Equal("ltr", lookAlike.QuerySelector("code")!.GetAttribute("dir"));
        }
        var english = await (await site.Client().GetAsync("/en/check?q=" + Uri.EscapeDataString(fake))).Content.ReadAsStringAsync();
        Assert.Contains("A look-alike.", english);
        Assert.Contains("Ministry of Defence of Ukraine", english);
    }

    [Fact]
    public async Task Each_change_is_a_revision_and_an_audit_entry()
    {
        var client = await StoryAsync();
        int id = 0;
        await site.WithDatabaseAsync(async db => id = await db.RegistryEntries.Where(e => e.Value == Bot).Select(e => e.Id).SingleAsync());
        var revisions = await Html.ReadAsync(await client.GetAsync($"/admin/registry/{id}/revisions"));
        Assert.Equal(3, revisions.QuerySelectorAll("tbody tr").Length);
        var first = (await Html.ReadAsync(await client.GetAsync($"/admin/registry/{id}/revisions/1"))).QuerySelector("pre.snapshot")!.TextContent;
        Assert.Contains("Official", first);
        Assert.DoesNotContain("Hijacked", first);
        await site.WithDatabaseAsync(async db =>
        {
            var actions = await db.AuditLog.Where(a => a.Target!.Contains(Bot)).Select(a => a.Action).ToListAsync();
            Assert.Equal([AuditAction.RegistryEntryCreated, AuditAction.RegistryStatusAdded, AuditAction.RegistryStatusAdded], actions.Order());
        });
    }

    [Fact]
    public async Task An_official_status_without_its_organisation_is_refused_and_the_form_keeps_the_text()
    {
        var client = await StoryAsync();
        var form = await Form.LoadAsync(client, "/admin/registry/new");
        form.Set("Type", "Phone").Set("Value", "+380 44 000 0199").Set("Status.Status", "Official").Set("Status.Since", "2025-01-01")
            .Set("Status.Channel", "гаряча лінія");
        var response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("гаряча лінія", page.QuerySelector("#f-Status\\.Channel")!.GetAttribute("value"));
        await site.WithDatabaseAsync(async db => Assert.False(await db.RegistryEntries.AnyAsync(e => e.Value == "+380440000199")));
    }

    [Fact]
    public async Task Contributors_read_the_registry_but_cannot_change_it()
    {
        await StoryAsync();
        var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync("/admin/registry")).StatusCode);
        var response = await contributor.GetAsync("/admin/registry/new");
        Assert.Equal("/admin/denied", response.Headers.Location!.AbsolutePath);
    }
}
