using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace FactCheck.Browser;

/// <summary>
/// What an Arabic, Ukrainian or English reader sees on a phone (320 and 390 px) and a desktop (1280 px):
/// brand names, phone numbers, handles and links drawn in the same character order as written, never
/// broken across lines; platform lists with their separators between the names; a section menu that
/// stays on screen; quotation marks once; one card per story on the check page; no sideways scrolling,
/// no console error. Positions are read from the characters the browser drew, not from the markup.
/// </summary>
public class ExactTextTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string EasternPhone = "+٤٤ ٧٧٠٠ ٩٠٠٥١٧";
    private const string Handle = "@telegram_help_desk_verify";
    private const string Link = "https://reserve-plus-help.example/verify/account/restore";

    public static TheoryData<string, int> Readers()
    {
        var data = new TheoryData<string, int>();
        foreach (var language in new[] { "ar", "uk", "en" })
            foreach (var width in new[] { 320, 390, 1280 })
                data.Add(language, width);
        return data;
    }

    /// <summary>The brand as this language writes it, in a headline that starts with a quotation mark.</summary>
    private static (string Brand, string Title, string Summary) Texts(string language) => language switch
    {
        "ar" => ("Reserve+", "«دعم Reserve+» على Telegram يطلب رمز SMS", $"روبوتات تنتحل صفة دعم Reserve+ وتتصل من الرقم {EasternPhone} ثم تطلب الرمز."),
        "uk" => ("Резерв+", "«Підтримка Резерв+» у Telegram просить код SMS", $"Боти видають себе за підтримку Резерв+ і дзвонять з номера {EasternPhone}, а тоді просять код."),
        _ => ("Reserve+", "“Reserve+ support” on Telegram asks for an SMS code", $"Bots pose as Reserve+ support, call from {EasternPhone} and then ask for the code."),
    };

    private async Task<Advisory> AddAsync(string language, string? translationKey = null, AdvisoryStatus status = AdvisoryStatus.Published)
    {
        var (_, title, summary) = Texts(language);
        List<Platform> platforms = [];
        int scam = 0;
        await site.WithDatabaseAsync(async db =>
        {
            scam = (await db.Ratings.SingleAsync(r => r.Key == "scam")).Id;
            platforms = await db.Platforms.AsNoTracking().Where(p => new[] { "whatsapp", "telegram", "email", "coinbase" }.Contains(p.Key)).ToListAsync();
        });
        return await site.AddAdvisoryAsync(a =>
        {
            a.Language = language;
            a.Title = title;
            a.Summary = summary;
            a.RatingId = scam;
            a.Status = status;
            a.TranslationKey = translationKey;
            a.ClaimText = summary;
            a.Claimant = "Telegram";
            a.ClaimantKind = ClaimantKind.PlatformAccounts;
            a.ClaimAppearances = [Link];
            a.Platforms = platforms;
            a.WithdrawalReason = status == AdvisoryStatus.Withdrawn ? summary : null;
            a.Indicators =
            [
                Indicator(IndicatorType.Phone, EasternPhone),
                Indicator(IndicatorType.Handle, Handle),
                Indicator(IndicatorType.Url, Link),
            ];
        });
    }

    private static Indicator Indicator(IndicatorType type, string raw) =>
        new() { Type = type, Raw = raw, Normalized = IndicatorNormalizer.Normalize(type, raw).Value ?? raw };

    private async Task<IPage> OpenAsync(string path, int width, List<string> problems)
    {
        var page = await site.NewPageAsync(width, 900);
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"{path}: console error {message.Text}"); };
        page.RequestFailed += (_, request) => problems.Add($"{path}: {request.Url} failed");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{path}: {response.Url} answered {response.Status}"); };
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var size = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (size[0], size[1]);
        if (scroll > client) problems.Add($"{path} at {width} px is {scroll} px wide: readers scroll sideways");
        return page;
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Names_numbers_and_indicators_read_as_written_and_nothing_scrolls_sideways(string language, int width)
    {
        var advisory = await AddAsync(language);
        var (brand, _, _) = Texts(language);
        var problems = new List<string>();

        var page = await OpenAsync(advisory.Path, width, problems);
        await ExpectWrittenOrderAsync(page, ".advisory-header h1", brand, problems);
        await ExpectWrittenOrderAsync(page, ".advisory-header .summary", brand, problems);
        await ExpectWrittenOrderAsync(page, ".advisory-header .summary", EasternPhone, problems);
        await ExpectWrittenOrderAsync(page, ".claim blockquote", EasternPhone, problems);
        // Claimed by "unknown accounts on Telegram", in the reader's language.
        Assert.Contains("Telegram", await page.Locator(".claim dd").First.TextContentAsync());

        // Every indicator: on one line, in written order, with a copy button, reachable by keyboard.
        var indicators = page.Locator(".indicator-list .ioc, .claim .ioc");
        Assert.Equal(4, await indicators.CountAsync());
        // Listed by type: phone, link, handle.
        var shown = new[] { (IndicatorType.Phone, EasternPhone), (IndicatorType.Url, Link), (IndicatorType.Handle, Handle) }
            .Select(i => IndicatorNormalizer.Display(i.Item1, i.Item2));
        foreach (var (text, index) in shown.Select((t, i) => (t, i)))
        {
            var selector = $".indicator-list li:nth-child({index + 1}) .ioc";
            await ExpectWrittenOrderAsync(page, selector, text, problems, oneLine: true);
            Assert.Equal("0", await page.Locator(selector).GetAttributeAsync("tabindex"));
            Assert.Equal(text, await page.Locator(selector).GetAttributeAsync("data-copy-value"));
        }
        Assert.Equal(4, await page.Locator(".indicator-list .copy, .claim .copy").CountAsync());

        await ExpectSectionMenuOnScreenAsync(page, language, problems);

        // The home page's card: headline, summary and platform list.
        var home = await OpenAsync($"/{language}/", width, problems);
        var card = $".card:has(a[href='{advisory.Path}'])";
        await ExpectWrittenOrderAsync(home, card + " h2", brand, problems);
        await ExpectWrittenOrderAsync(home, card + " .card-summary", EasternPhone, problems);
        await ExpectSeparatorsBetweenNamesAsync(home, card + " .platforms", language, problems);
        await ExpectSectionMenuOnScreenAsync(home, language, problems);

        if (width == 390 && language == "ar")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, "exact-text-advisory-ar-390.png"), FullPage = true });
            await home.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ArtifactsPath, "exact-text-home-ar-390.png"), FullPage = true });
        }
        await page.Context.CloseAsync();
        await home.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task A_withdrawn_title_in_quotes_is_quoted_once_and_the_check_page_shows_one_card_per_story(string language, int width)
    {
        var problems = new List<string>();
        var (brand, title, _) = Texts(language);

        var withdrawn = await AddAsync(language, status: AdvisoryStatus.Withdrawn);
        var page = await site.NewPageAsync(width, 900);
        var response = await page.GotoAsync(withdrawn.Path);
        Assert.Equal(410, response!.Status);
        var sentence = (await page.Locator(".withdrawn p").First.TextContentAsync())!;
        // The title's own quotation marks become the inner ones: «“دعم Reserve+” على …», never ««دعم Reserve+» على …».
        Assert.Contains(Bidi.ForQuoting(title, SiteLanguage.Find(language)!), sentence, StringComparison.Ordinal);
        foreach (var doubled in new[] { "««", "»»", "““", "””" })
            Assert.DoesNotContain(doubled, sentence, StringComparison.Ordinal);
        await ExpectWrittenOrderAsync(page, ".withdrawn p", brand, problems);
        await page.Context.CloseAsync();

        // The same story in three languages, sharing a number nobody else lists.
        var key = "story-" + Guid.NewGuid().ToString("N")[..8];
        var phone = "+44 7700 9" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var code in new[] { "ar", "uk", "en" })
        {
            var story = await AddAsync(code, translationKey: key);
            await site.WithDatabaseAsync(async db =>
            {
                var shared = Indicator(IndicatorType.Phone, phone);
                shared.AdvisoryId = story.Id;
                db.Indicators.Add(shared);
                await db.SaveChangesAsync();
            });
        }
        var check = await OpenAsync($"/{language}/check?q={Uri.EscapeDataString(phone)}", width, problems);
        var cards = check.Locator(".check-matches > li");
        Assert.Equal(1, await cards.CountAsync());
        Assert.Equal(language, await cards.First.GetAttributeAsync("lang"));
        Assert.Equal(2, await cards.First.Locator(".translations a").CountAsync());
        await check.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// <paramref name="text"/>, a left-to-right run, must be drawn left to right: within each line every
    /// character stands to the right of the one before it ("Reserve+" drawn as "+Reserve" fails), and
    /// lines follow each other downwards. <paramref name="oneLine"/>: it must not be broken at all.
    /// </summary>
    private static async Task ExpectWrittenOrderAsync(IPage page, string selector, string text, List<string> problems, bool oneLine = false)
    {
        var boxes = await TextLayout.CharacterBoxesAsync(page, selector, text);
        var lines = 1;
        for (var i = 1; i < boxes.Length; i++)
        {
            var (before, after) = (boxes[i - 1], boxes[i]);
            if (Math.Abs(after.Top - before.Top) > before.Height / 2)
            {
                lines++;
                if (after.Top < before.Top) problems.Add($"{selector}: '{text}' goes back up a line at '{after.Character}'");
                continue;
            }
            if (after.Left < before.Left + 0.5)
                problems.Add($"{selector}: in '{text}', '{after.Character}' is drawn at x={after.Left:F0}, left of '{before.Character}' at x={before.Left:F0}");
        }
        if (oneLine && lines > 1) problems.Add($"{selector}: '{text}' is broken across {lines} lines");
    }

    /// <summary>Between two platform names, in the reader's direction, stands one separator: never before the first name.</summary>
    private static async Task ExpectSeparatorsBetweenNamesAsync(IPage page, string selector, string language, List<string> problems)
    {
        var items = await page.EvaluateAsync<double[][]>("""
            selector => [...document.querySelector(selector).children].map(e => {
              const r = e.getBoundingClientRect(); return [e.classList.contains('separator') ? 1 : 0, r.left, r.right, r.top];
            })
            """, selector);
        var rtl = language == "ar";
        for (var i = 1; i + 1 < items.Length; i++)
        {
            if (items[i][0] != 1) continue;
            var (previous, separator, next) = (items[i - 1], items[i], items[i + 1]);
            if (Math.Abs(previous[3] - next[3]) > 2) continue; // the list wrapped here
            var between = rtl
                ? separator[1] >= next[2] - 0.5 && separator[2] <= previous[1] + 0.5
                : separator[1] >= previous[2] - 0.5 && separator[2] <= next[1] + 0.5;
            if (!between) problems.Add($"{selector}: separator {i} is not between the names beside it");
        }
        if (items.Length > 0 && items[0][0] == 1) problems.Add($"{selector}: the list starts with a separator");
    }

    /// <summary>The first section link ("الأحدث", "Latest") starts at least 8 px inside the screen and is drawn whole.</summary>
    private static async Task ExpectSectionMenuOnScreenAsync(IPage page, string language, List<string> problems)
    {
        var measured = await page.EvaluateAsync<double[]>("""
            () => {
              const link = document.querySelector('.sections a');
              const r = link.getBoundingClientRect();
              return [r.left, r.right, document.documentElement.clientWidth, link.scrollWidth > link.clientWidth + 1 ? 1 : 0];
            }
            """);
        var (left, right, viewport, clipped) = (measured[0], measured[1], measured[2], measured[3] == 1);
        var margin = language == "ar" ? viewport - right : left;
        if (margin < 8) problems.Add($"the section menu's first link is {margin:F0} px from the screen edge");
        if (left < 0 || right > viewport || clipped) problems.Add("the section menu's first link is clipped");
    }
}
