using System.Diagnostics;
using System.Net;
using FactCheck.Tests.Admin;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// <summary>
/// Readers on every kind of public page and feed while an editor keeps publishing: no errors, and no
/// stale page — right after each publish the same instance lists the new advisory on its home page and
/// in its feed and serves its page. FACTCHECK_SOAK_SECONDS sets the length (20 s in CI;
/// bench/reliability/run: 600); memory at the start and the end is reported, not asserted (bench/README.md).
/// </summary>
[Trait("Database", "SqliteOnly"), Trait("Category", "Reliability"), Collection(LiveSite.Collection)]
public class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Readers_and_a_publishing_editor_get_no_errors_and_no_stale_pages()
    {
        var seconds = LiveSite.Setting("FACTCHECK_SOAK_SECONDS", 20);
        await using var site = await LiveSite.StartAsync();
        string[] paths =
        [
            "/ar/", "/uk/", "/en/", "/ar/advisories?page=1", "/ar/feed.rss", "/uk/feed.atom", "/en/feed.json", "/sitemap.xml",
            "/indicators.csv", "/ar/search?q=%D8%B1%D9%85%D8%B2", "/ar/check?q=%2B44%207700%20900123", "/ar/methodology", "/ar/corrections",
            "/cap/alerts.atom", "/health",
        ];
        var requests = 0L;
        var errors = new List<string>();
        var stale = new List<string>();
        var publishes = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var rssStart = site.ResidentMegabytes();
        var watch = Stopwatch.StartNew();

        var readers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var reader = SiteProcess.Client(site.BaseUrl);
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                var path = paths[n % paths.Length];
                var response = await reader.GetAsync(path);
                Interlocked.Increment(ref requests);
                if (!response.IsSuccessStatusCode) lock (errors) errors.Add($"{path} {(int)response.StatusCode}");
                await response.Content.ReadAsByteArrayAsync();
            }
        })).ToList();

        var publisher = Task.Run(async () =>
        {
            var reader = SiteProcess.Client(site.BaseUrl);
            while (!stop.IsCancellationRequested)
            {
                var marker = "soak" + Guid.NewGuid().ToString("N")[..8];
                var id = await site.CreateDraftAsync("نشر مستمر " + marker);
                var published = await EditorSteps.PressAsync(site.Client, id, "publish");
                if (published.Headers.Location?.OriginalString.EndsWith("done=published", StringComparison.Ordinal) != true)
                {
                    lock (errors) errors.Add($"publish {(int)published.StatusCode} {published.Headers.Location}");
                    continue;
                }
                publishes++;
                foreach (var path in new[] { "/ar/", "/ar/feed.rss" })
                    if (!(await reader.GetStringAsync(path)).Contains(marker, StringComparison.Ordinal)) lock (stale) stale.Add($"{path} without {marker}");
                var page = await reader.GetAsync("/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle("نشر مستمر " + marker)));
                if (page.StatusCode != HttpStatusCode.OK) lock (stale) stale.Add($"{marker}'s page {(int)page.StatusCode}");
                await Task.Delay(500);
            }
        });
        await Task.WhenAll(readers.Append(publisher));
        var rssEnd = site.ResidentMegabytes();

        LiveSite.Figure(output, "soak seconds", (int)watch.Elapsed.TotalSeconds);
        LiveSite.Figure(output, "soak requests", requests);
        LiveSite.Figure(output, "soak errors", errors.Count);
        LiveSite.Figure(output, "soak publishes", publishes);
        LiveSite.Figure(output, "soak stale pages", stale.Count);
        LiveSite.Figure(output, "soak resident MB at start / end", $"{rssStart} / {rssEnd}");
        Assert.True(errors.Count == 0, "errors: " + string.Join(", ", errors.Take(10)));
        Assert.True(stale.Count == 0, "stale: " + string.Join(", ", stale.Take(10)));
        Assert.True(publishes > 0);
    }
}
