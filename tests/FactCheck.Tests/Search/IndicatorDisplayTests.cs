using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Search;

/// <summary>What a reader sees of an advisory's indicators on its public page.</summary>
public class IndicatorDisplayTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Scam_links_are_shown_defanged_and_phone_digits_in_ascii()
    {
        Indicator Stored(IndicatorType type, string raw) => new()
        {
            Type = type,
            Raw = raw,
            Normalized = IndicatorNormalizer.Normalize(type, raw, "SA").Value!,
        };
        var advisory = await site.AddAdvisoryAsync(a =>
        {
            a.ClaimAppearances = ["https://telegram-support.example/verify"];
            a.Indicators =
            [
                Stored(IndicatorType.Url, "https://telegram-support.example/verify?utm_source=wa"),
                Stored(IndicatorType.Domain, "\u202Eelpmaxe.live"),
                Stored(IndicatorType.Email, "security@coinbase-help.example"),
                Stored(IndicatorType.Phone, "\u200F٠٥٠ ١٢٣ ٤٥٦٧"),
                Stored(IndicatorType.Handle, "https://t.me/tg_verify_bot"),
            ];
        });

        var html = await site.Client().GetStringAsync(advisory.Path);
        var page = new HtmlParser().ParseDocument(html);
        var shown = page.QuerySelectorAll("code.ioc").Select(code => code.TextContent).ToList();

        Assert.Contains("hxxps://telegram-support[.]example/verify?utm_source=wa", shown);
        Assert.Contains("elpmaxe[.]live", shown);
        Assert.Contains("security@coinbase-help[.]example", shown);
        Assert.Contains("050 123 4567", shown);
        Assert.Contains("hxxps://t[.]me/tg_verify_bot", shown);
        Assert.All(shown, text => Assert.Equal("ltr", page.QuerySelectorAll("code.ioc").First(c => c.TextContent == text).GetAttribute("dir")));
        // Nothing the scam owns is a link, nor a bidi override that could disguise it.
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("telegram-support", StringComparison.Ordinal));
        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("telegram-support.example", html, StringComparison.Ordinal);
    }
}
