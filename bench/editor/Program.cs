using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FactCheck;
using Microsoft.Playwright;

// Usage: run <https base url> <email> <password> <repository> <label> <result.json>
//          drives the scenario below in Chromium against a running site and writes its figures
//        compare <before.json> <after.json>
//          prints both runs side by side (markdown)
// The scenario is the same script for any version of the site: it does each step the best way the pages offer
// (a "Translate into" button or a new form typed in full; a redaction dialog or the staged page), so the same
// run works on main before the editor's-day changes and after them.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["compare", var beforeFile, var afterFile])
{
    Console.Write(Report.Compare(Run.Load(beforeFile), Run.Load(afterFile)));
    return 0;
}
if (args is not ["run", var baseUrl, var email, var password, var repository, var label, var output])
{
    Console.Error.WriteLine("usage: run <https url> <email> <password> <repository> <label> <result.json> | compare <before.json> <after.json>");
    return 2;
}

var stories = Stories.Read(Path.Combine(repository, "content"));
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});
var context = await browser.NewContextAsync(new BrowserNewContextOptions
{
    BaseURL = baseUrl, IgnoreHTTPSErrors = true, Locale = "uk", ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
});
context.SetDefaultTimeout(300_000); // a shared, loaded machine; speed is what the figures measure, not a limit
var page = await context.NewPageAsync();
var desk = new Desk(page, stories, await File.ReadAllBytesAsync(Path.Combine(repository, "content", "screenshots", "reserve-plus-bot-uk.png")));
var run = new Run(label, DateTime.UtcNow, []);

await run.StepAsync(desk, "Sign in", () => desk.SignInAsync(email, password));
await run.StepAsync(desk, "Write the Ukrainian advisory (all fields) and save", desk.WriteSourceAsync);
await run.StepAsync(desk, "Add its screenshot, hide two areas", desk.AddScreenshotAsync);
await run.StepAsync(desk, "Publish it", desk.PublishAsync);
foreach (var language in new[] { "ar", "en" })
{
    await run.StepAsync(desk, $"Write the {(language == "ar" ? "Arabic" : "English")} version, with its screenshot", () => desk.TranslateAsync(language));
    await run.StepAsync(desk, $"Publish the {(language == "ar" ? "Arabic" : "English")} version", desk.PublishAsync);
}
await desk.CheckPublishedAsync();
await File.WriteAllTextAsync(output, JsonSerializer.Serialize(run));
Console.Write(Report.Table(run));
return 0;

/// <summary>The sample Reserve+ story (content/advisories) in each language, as the editor form would hold it.</summary>
internal static class Stories
{
    public static Dictionary<string, (AdvisoryForm Form, AdvisoryContent Content)> Read(string content)
    {
        var keys = DefaultData.Platforms.ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Key);
        var result = new Dictionary<string, (AdvisoryForm, AdvisoryContent)>();
        foreach (var language in new[] { "uk", "ar", "en" })
        {
            var path = Path.Combine(content, "advisories", $"2025-10-reserve-plus-bots-{language}.md");
            var (file, error) = AdvisoryFile.Parse(path, File.ReadAllText(path));
            if (file is null) throw new InvalidOperationException(error!.ToString());
            var (story, _, _) = file.Read(name => keys[name.ToLowerInvariant()]);
            result[language] = (AdvisoryForm.From(story, 0), story);
        }
        return result;
    }
}

/// <summary>An editor at work: every form field filled (a drag on an image counts as one) and every page load is counted.</summary>
internal sealed class Desk
{
    private readonly IPage page;
    private readonly Dictionary<string, (AdvisoryForm Form, AdvisoryContent Content)> stories;
    private readonly byte[] screenshot;
    private string sourceTitle = "";
    private string sourcePath = "";

    public Desk(IPage page, Dictionary<string, (AdvisoryForm Form, AdvisoryContent Content)> stories, byte[] screenshot)
    {
        (this.page, this.stories, this.screenshot) = (page, stories, screenshot);
        page.FrameNavigated += (_, frame) => { if (frame == page.MainFrame) PageLoads++; };
        // Confirmations (publish…) are answered yes, as the editor would.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public int PageLoads { get; private set; }
    public int FieldsFilled { get; private set; }

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/admin/sign-in");
        await FillAsync("#email", email);
        await FillAsync("#password", password);
        await ClickAndWaitAsync("main form button[type=submit]", url => new Uri(url).AbsolutePath.TrimEnd('/') == "/admin");
    }

    public async Task WriteSourceAsync()
    {
        var (form, _) = stories["uk"];
        sourceTitle = form.Title!;
        await page.GotoAsync("/admin/advisories/new?lang=uk");
        await FillStructuredAsync(form);
        await FillTextsAsync(form);
        await SaveAsync("done=created");
        sourcePath = new Uri(page.Url).AbsolutePath;
    }

    public Task AddScreenshotAsync() => AddScreenshotAsync("uk");

    public async Task PublishAsync() => await ClickAndWaitAsync("form[action$='/publish'] button", url => url.Contains("done=published", StringComparison.Ordinal));

    /// <summary>
    /// The story in another language: "Translate into" on the Ukrainian advisory where the site has it, otherwise a
    /// new advisory typed in full (the Ukrainian one open in another tab to read from) and linked to it.
    /// </summary>
    public async Task TranslateAsync(string language)
    {
        var (form, content) = stories[language];
        if (await page.Locator("#translations").CountAsync() > 0)
        {
            await page.GotoAsync(sourcePath);
            await ClickAndWaitAsync($"#translations button[value={language}]", url => url.Contains("done=translated", StringComparison.Ordinal));
            await FillTextsAsync(form);
            await SaveAsync("done=saved");
            // The screenshot came along: its alt text is translated in place.
            await page.ClickAsync("#shot-list .shot-edit summary");
            await FillAsync("#shot-list .shot-texts-form textarea[name=altText]", content.Screenshots[0].AltText);
            await page.ClickAsync("#shot-list .shot-texts-form button[type=submit]");
            await page.Locator("#shot-list .shot-alt", new() { HasText = content.Screenshots[0].AltText }).WaitForAsync();
        }
        else
        {
            await page.GotoAsync($"/admin/advisories/new?lang={language}");
            await FillStructuredAsync(form);
            await FillTextsAsync(form);
            // "Same story in another language": the Ukrainian one, found in the list.
            var value = await page.EvaluateAsync<string>("title => [...document.querySelectorAll('#f-TranslationOf option')].find(o => o.textContent.includes(title)).value", sourceTitle);
            await SelectAsync("#f-TranslationOf", value);
            await SaveAsync("done=created");
            await AddScreenshotAsync(language);
        }
    }

    /// <summary>Readers see three pages that point at each other.</summary>
    public async Task CheckPublishedAsync()
    {
        foreach (var language in new[] { "uk", "ar", "en" })
        {
            await page.GotoAsync($"/{language}/");
            var link = page.Locator("a[href*='/advisories/']").First;
            await page.GotoAsync((await link.GetAttributeAsync("href"))!);
            foreach (var other in new[] { "uk", "ar", "en" }.Where(o => o != language))
                if (await page.Locator($"a[hreflang={other}]").CountAsync() == 0) throw new InvalidOperationException($"/{language}/ does not link its {other} version");
            if (await page.Locator("figure.screenshot img").CountAsync() == 0) throw new InvalidOperationException($"/{language}/ has no screenshot");
        }
    }

    private async Task AddScreenshotAsync(string language)
    {
        var alt = stories[language].Content.Screenshots[0].AltText;
        // The areas to hide, in pixels of the 720 × 1280 screenshot: the bot's name bar and the victim's number.
        (int X, int Y, int W, int H)[] areas = [(0, 0, 720, 110), (40, 600, 420, 90)];
        if (await page.Locator("#shot-dialog").CountAsync() > 0)
        {
            // Pasted into the editor, redacted in the dialog.
            await page.EvaluateAsync(@"base64 => {
                const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
                const data = new DataTransfer();
                data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
                document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }", Convert.ToBase64String(screenshot));
            await page.WaitForFunctionAsync("() => document.querySelector('#shot-dialog[open]') || document.getElementById('screenshot-status').textContent.length > 1");
            if (await page.Locator("#shot-dialog[open]").CountAsync() == 0)
                throw new InvalidOperationException("pasting was refused: " + await page.TextContentAsync("#screenshot-status"));
            await page.WaitForFunctionAsync("() => document.getElementById('shot-dialog-image').complete");
            var box = (await page.Locator("#shot-dialog-canvas").BoundingBoxAsync())!;
            var scale = box.Width / 720;
            foreach (var (x, y, w, h) in areas)
            {
                await page.Mouse.MoveAsync(box.X + (float)(x * scale) + 1, box.Y + (float)(y * scale) + 1);
                await page.Mouse.DownAsync();
                await page.Mouse.MoveAsync(box.X + (float)((x + w) * scale) - 1, box.Y + (float)((y + h) * scale) - 1, new MouseMoveOptions { Steps = 3 });
                await page.Mouse.UpAsync();
                FieldsFilled++; // one drag
            }
            await FillAsync("#shot-dialog-alt", alt);
            var shots = await page.Locator("#shot-list .shot").CountAsync();
            await page.ClickAsync("#shot-add");
            await page.WaitForFunctionAsync("n => document.querySelectorAll('#shot-list .shot').length > n", shots);
        }
        else
        {
            // Uploaded with the form, redacted on the staged page, one rectangle at a time.
            await page.SetInputFilesAsync("#shot-file", new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = screenshot });
            FieldsFilled++;
            await FillAsync("#shot-alt", alt);
            await ClickAndWaitAsync("#screenshot-upload button[type=submit]", url => url.Contains("/staged/", StringComparison.Ordinal));
            foreach (var (x, y, w, h) in areas)
            {
                await FillAsync("#redact-x", $"{x}");
                await FillAsync("#redact-y", $"{y}");
                await FillAsync("#redact-width", $"{w}");
                await FillAsync("#redact-height", $"{h}");
                await ClickAndWaitAsync("button[value=redact]", _ => true);
            }
            await ClickAndWaitAsync("button[value=publish]", url => url.Contains("done=screenshot-added", StringComparison.Ordinal));
        }
    }

    /// <summary>What is not language: kind, claim details, verdict, severity, platforms, authors, indicators, sources.</summary>
    private async Task FillStructuredAsync(AdvisoryForm form)
    {
        await SelectAsync("#f-Kind", form.Kind!);
        await FillAsync("#f-Claimant", form.Claimant);
        await FillAsync("#f-ClaimFirstSeen", form.ClaimFirstSeen);
        await FillAsync("#f-ClaimAppearances", form.ClaimAppearances);
        await SelectAsync("#f-Rating", form.Rating ?? "");
        await SelectAsync("#f-Severity", form.Severity ?? "");
        foreach (var platform in form.Platforms) { await page.CheckAsync($"input[name=Platforms][value='{platform}']"); FieldsFilled++; }
        await FillAsync("#f-Authors", form.Authors);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            await MoreRowsUntilAsync($"[name='Indicators[{i}].Value']");
            await SelectAsync($"[name='Indicators[{i}].Type']", row.Type!);
            await FillAsync($"[name='Indicators[{i}].Value']", row.Value);
            await FillAsync($"[name='Indicators[{i}].Country']", row.Country);
            await FillAsync($"[name='Indicators[{i}].FirstSeen']", row.FirstSeen);
            await FillAsync($"[name='Indicators[{i}].LastSeen']", row.LastSeen);
        }
        for (var i = 0; i < form.Sources.Count; i++)
        {
            var row = form.Sources[i];
            await MoreRowsUntilAsync($"[name='Sources[{i}].Title']");
            await FillAsync($"[name='Sources[{i}].Title']", row.Title);
            await FillAsync($"[name='Sources[{i}].Url']", row.Url);
            await FillAsync($"[name='Sources[{i}].Publisher']", row.Publisher);
            await FillAsync($"[name='Sources[{i}].AccessedOn']", row.AccessedOn);
            await FillAsync($"[name='Sources[{i}].ArchiveUrl']", row.ArchiveUrl);
        }
    }

    /// <summary>What is written in the advisory's language.</summary>
    private async Task FillTextsAsync(AdvisoryForm form)
    {
        await FillAsync("#f-Title", form.Title);
        await FillAsync("#f-Summary", form.Summary);
        await FillAsync("#f-Body", form.Body);
        await FillAsync("#f-ClaimText", form.ClaimText);
        await FillAsync("#f-Steps", form.Steps);
        await FillAsync("#f-Tags", form.Tags);
    }

    private async Task MoreRowsUntilAsync(string selector)
    {
        while (await page.Locator(selector).CountAsync() == 0)
            await ClickAndWaitAsync("#editor button[value=more-rows]", _ => true);
    }

    private async Task SaveAsync(string done) =>
        await ClickAndWaitAsync(".sticky-actions button[value=save]", url => url.Contains(done, StringComparison.Ordinal));

    private async Task FillAsync(string selector, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        await page.FillAsync(selector, value);
        FieldsFilled++;
    }

    private async Task SelectAsync(string selector, string value)
    {
        if (value.Length == 0) return;
        await page.SelectOptionAsync(selector, value);
        FieldsFilled++;
    }

    /// <summary>Clicks something that loads a page, and waits for that page to have loaded.</summary>
    private async Task ClickAndWaitAsync(string selector, Func<string, bool> landed)
    {
        var before = PageLoads;
        await page.ClickAsync(selector);
        var wait = Stopwatch.StartNew();
        while ((PageLoads == before || !landed(page.Url)) && wait.Elapsed < TimeSpan.FromMinutes(5))
            await page.WaitForTimeoutAsync(20);
        if (!landed(page.Url)) throw new InvalidOperationException($"{selector}: landed on {page.Url}");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}

internal sealed record Step(string Name, double Seconds, int PageLoads, int FieldsFilled);

internal sealed record Run(string Label, DateTime At, List<Step> Steps)
{
    public async Task StepAsync(Desk desk, string name, Func<Task> action)
    {
        var (loads, fields) = (desk.PageLoads, desk.FieldsFilled);
        var clock = Stopwatch.StartNew();
        await action();
        Steps.Add(new Step(name, clock.Elapsed.TotalSeconds, desk.PageLoads - loads, desk.FieldsFilled - fields));
        Console.Error.WriteLine($"{name}: {clock.Elapsed.TotalSeconds:0.0} s, {desk.PageLoads - loads} page loads, {desk.FieldsFilled - fields} fields");
    }

    public static Run Load(string file) => JsonSerializer.Deserialize<Run>(File.ReadAllText(file))!;
}

internal static class Report
{
    public static string Table(Run run)
    {
        var text = new StringBuilder($"| step ({run.Label}) | time | page loads | fields filled |\n|---|---:|---:|---:|\n");
        foreach (var step in run.Steps) text.Append(CultureInfo.InvariantCulture, $"| {step.Name} | {step.Seconds:0.0} s | {step.PageLoads} | {step.FieldsFilled} |\n");
        return text.Append(CultureInfo.InvariantCulture, $"| **total** | **{run.Steps.Sum(s => s.Seconds):0.0} s** | **{run.Steps.Sum(s => s.PageLoads)}** | **{run.Steps.Sum(s => s.FieldsFilled)}** |\n").ToString();
    }

    public static string Compare(Run before, Run after)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"| step | {before.Label}: time | page loads | fields | {after.Label}: time | page loads | fields |\n|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var (b, a) in before.Steps.Zip(after.Steps))
            text.Append(CultureInfo.InvariantCulture, $"| {b.Name} | {b.Seconds:0.0} s | {b.PageLoads} | {b.FieldsFilled} | {a.Seconds:0.0} s | {a.PageLoads} | {a.FieldsFilled} |\n");
        return text.Append(CultureInfo.InvariantCulture,
            $"| **total** | **{before.Steps.Sum(s => s.Seconds):0.0} s** | **{before.Steps.Sum(s => s.PageLoads)}** | **{before.Steps.Sum(s => s.FieldsFilled)}** | **{after.Steps.Sum(s => s.Seconds):0.0} s** | **{after.Steps.Sum(s => s.PageLoads)}** | **{after.Steps.Sum(s => s.FieldsFilled)}** |\n").ToString();
    }
}
