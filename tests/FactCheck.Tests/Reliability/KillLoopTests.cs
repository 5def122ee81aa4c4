using System.Diagnostics;
using System.Net;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Media;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// <summary>
/// kill -9 at random moments while editors save, upload screenshots and an import runs: after every
/// restart the database passes integrity_check and holds every save and screenshot the site
/// acknowledged, no row names a missing file, and files a kill left without a row are not public and
/// are swept away. FACTCHECK_KILL_CYCLES sets the number of kills (3 in CI; bench/reliability/run: 32).
/// </summary>
[Trait("Database", "SqliteOnly"), Trait("Category", "Reliability"), Collection(LiveSite.Collection)]
public class KillLoopTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_the_site_at_random_moments_loses_no_acknowledged_save_and_leaves_nothing_public_behind()
    {
        var cycles = LiveSite.Setting("FACTCHECK_KILL_CYCLES", 3);
        var random = new Random(18);
        // A short grace, so that the restart after the last kill sweeps what the kills left.
        await using var site = await LiveSite.StartAsync(environment: new() { ["Media__OrphanGrace"] = "00:00:02" });
        var article = await site.CreateDraftAsync("مقال يُحفظ " + Guid.NewGuid().ToString("N")[..6]);
        var gallery = await site.CreateDraftAsync("معرض لقطات " + Guid.NewGuid().ToString("N")[..6]);
        var acknowledged = new List<string>();
        var screenshots = 0;
        var orphansAfterKills = 0;
        var sequence = 0;
        var watch = Stopwatch.StartNew();

        for (var cycle = 0; cycle < cycles; cycle++)
        {
            using var stop = new CancellationTokenSource();
            var saver = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var marker = $"save-{cycle}-{Interlocked.Increment(ref sequence)}";
                    try
                    {
                        var response = await site.SaveBodyAsync(article, "## نص\n\n" + marker);
                        if (response.StatusCode == HttpStatusCode.Redirect) lock (acknowledged) acknowledged.Add(marker);
                        // 503 is "the database is busy" (the import holds the write lock): not acknowledged, and no failure.
                        else if (response.StatusCode != HttpStatusCode.ServiceUnavailable) Assert.Fail($"save answered {(int)response.StatusCode}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException) { return; } // killed
                }
            });
            var uploader = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        if (await site.AddScreenshotAsync(gallery, TestImages.Png(160 + (cycle * 50 + i) % 400, 240, TestImages.Pattern), $"لقطة {cycle}-{i}"))
                            Interlocked.Increment(ref screenshots);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException) { return; }
                }
            });
            // Once this cycle has an acknowledged save: an import of content/ (with its screenshots) in a process
            // of its own, and a moment later the kill of both.
            var acknowledgedBefore = acknowledged.Count;
            await LiveSite.WaitUntilAsync(() => Task.FromResult(acknowledged.Count > acknowledgedBefore || saver.IsCompleted), TimeSpan.FromSeconds(60));
            var import = SiteProcess.Start(site.DataPath, new() { ["Site__ContentPath"] = Path.Combine(RepositoryRoot.Path, "content") }, null, "import");
            await Task.Delay(random.Next(300, 2500));
            await site.KillAsync();
            if (!import.HasExited) import.Signal(9);
            await import.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await import.DisposeAsync();
            await stop.CancelAsync();
            await Task.WhenAll(saver, uploader);

            // The state a kill left, before anything starts again.
            await using (var db = site.OpenDatabase())
            {
                await db.OpenAsync();
                Assert.Equal("ok", await LiveSite.IntegrityAsync(db));
                var stored = string.Join('\n', await LiveSite.StringsAsync(db, "SELECT \"Snapshot\" FROM \"AdvisoryRevisions\";"));
                List<string> lost;
                lock (acknowledged) lost = acknowledged.Where(m => !stored.Contains(m, StringComparison.Ordinal)).ToList();
                Assert.True(lost.Count == 0, $"cycle {cycle}: acknowledged saves lost: {string.Join(", ", lost)}");
                var named = (await LiveSite.StringsAsync(db, "SELECT \"FileName\" FROM \"ScreenshotFiles\";")).ToHashSet();
                var files = Directory.EnumerateFiles(Path.Combine(site.DataPath, "media")).Select(Path.GetFileName).ToList();
                Assert.All(named, name => Assert.Contains(name, files));
                orphansAfterKills += files.Count(f => !named.Contains(f!));
                var shots = await LiveSite.StringsAsync(db, $"SELECT \"AltText\" FROM \"Screenshots\" WHERE \"AdvisoryId\" = '{gallery.ToString().ToUpperInvariant()}';");
                Assert.True(shots.Count >= screenshots, $"cycle {cycle}: {screenshots} screenshots acknowledged, {shots.Count} stored");
            }
            await site.StartProcessAsync();

            // Whatever the kill left without a row is not served.
            await using (var db = site.OpenDatabase())
            {
                await db.OpenAsync();
                var named = (await LiveSite.StringsAsync(db, "SELECT \"FileName\" FROM \"ScreenshotFiles\";")).ToHashSet();
                foreach (var orphan in Directory.EnumerateFiles(Path.Combine(site.DataPath, "media")).Select(Path.GetFileName).Where(f => !named.Contains(f!) && !f!.EndsWith(".tmp", StringComparison.Ordinal)).Take(3))
                    Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/media/" + orphan)).StatusCode);
            }
        }

        // Past the grace period, a restart sweeps every file nothing names.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await site.KillAsync();
        await site.StartProcessAsync();
        var leftover = -1;
        await LiveSite.WaitUntilAsync(async () =>
        {
            await using var db = site.OpenDatabase();
            await db.OpenAsync();
            var named = (await LiveSite.StringsAsync(db, "SELECT \"FileName\" FROM \"ScreenshotFiles\";")).ToHashSet();
            leftover = Directory.EnumerateFiles(Path.Combine(site.DataPath, "media")).Count(f => !named.Contains(Path.GetFileName(f)));
            return leftover == 0;
        }, TimeSpan.FromSeconds(60));

        LiveSite.Figure(output, "kill cycles", cycles);
        LiveSite.Figure(output, "acknowledged saves", acknowledged.Count);
        LiveSite.Figure(output, "acknowledged saves lost", 0);
        LiveSite.Figure(output, "acknowledged screenshots", screenshots);
        LiveSite.Figure(output, "unreferenced media files found after the kills (not public)", orphansAfterKills);
        LiveSite.Figure(output, "unreferenced media files after the sweep", leftover);
        LiveSite.Figure(output, "kill loop seconds", (int)watch.Elapsed.TotalSeconds);
    }
}
