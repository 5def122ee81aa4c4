using System.Net;
using Microsoft.EntityFrameworkCore;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests.Search;

/// <summary>A platform's names in other scripts find what its name finds: "واتساب" as many advisories as "WhatsApp".</summary>
public class PlatformEquivalentsTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private async Task<int> CountAsync(string query)
    {
        var page = await Html.ReadAsync(await site.Client().GetAsync($"/ar/search?all=1&q={Uri.EscapeDataString(query)}"));
        return page.QuerySelectorAll(".results > li").Length;
    }

    [Fact]
    public async Task Every_name_of_a_platform_finds_the_same_advisories_on_both_providers()
    {
        var latin = await site.AddAdvisoryAsync(a => { a.Title = "رسائل مزيفة عبر WhatsApp تطلب الرمز"; a.Slug = "eq-" + Guid.NewGuid().ToString("N")[..8]; });
        var arabic = await site.AddAdvisoryAsync(a => { a.Title = "احذروا رسائل واتس اب التي تطلب الرمز"; a.Slug = "eq-" + Guid.NewGuid().ToString("N")[..8]; });
        var cyrillic = await site.AddAdvisoryAsync(a => { a.Language = "uk"; a.Title = "Фальшива підтримка у Ватсап просить код"; a.Slug = "eq-" + Guid.NewGuid().ToString("N")[..8]; });

        var whatsapp = await CountAsync("WhatsApp");
        Assert.True(whatsapp >= 3, $"WhatsApp found {whatsapp}");
        foreach (var name in new[] { "واتساب", "واتس اب", "Ватсап", "whatsapp" })
            Assert.Equal(whatsapp, await CountAsync(name));
        // Words beside the name still have to match.
        Assert.Equal(1, await CountAsync("واتساب Фальшива"));
    }

    [Fact]
    public async Task A_name_an_admin_adds_to_a_platform_is_found_at_once()
    {
        await site.AddAdvisoryAsync(a => { a.Title = "بوت Telegram مزيف يطلب رمز التحقق"; a.Slug = "eq-" + Guid.NewGuid().ToString("N")[..8]; });
        Assert.Equal(0, await CountAsync("تيلغرامو"));

        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var id = 0;
        await site.WithDatabaseAsync(async db => id = (await db.Platforms.SingleAsync(p => p.Key == "telegram")).Id);
        var form = await Form.LoadAsync(admin, $"/admin/platforms/{id}");
        form.Set("Equivalents", form.Get("Equivalents") + "\nتيلغرامو");
        Assert.Equal($"/admin/platforms/{id}?done=platform-saved", (await form.SubmitAsync(admin)).Headers.Location!.OriginalString);

        Assert.Equal(await CountAsync("Telegram"), await CountAsync("تيلغرامو"));

        form.Set("Equivalents", string.Join('\n', Enumerable.Range(0, 31).Select(i => "name" + i)));
        var refused = await form.SubmitAsync(admin);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await Html.ReadAsync(refused)).QuerySelector("#f-Equivalents-error"));
    }
}
