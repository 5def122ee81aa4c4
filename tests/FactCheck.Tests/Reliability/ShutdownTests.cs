using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// <summary>
/// SIGTERM (what systemd, Docker and Kubernetes send) while readers and an editor are busy: requests
/// already being answered finish, nothing is answered with a 5xx, every acknowledged save is kept, the
/// process exits 0 on its own, and the scheduler's lease is handed back for the next instance.
/// </summary>
[Trait("Database", "SqliteOnly"), Trait("Category", "Reliability"), Collection(LiveSite.Collection)]
public class ShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigterm_under_load_drains_what_is_in_flight_and_exits_cleanly()
    {
        var seconds = LiveSite.Setting("FACTCHECK_SIGTERM_LOAD_SECONDS", 3);
        // The slow request below is a preview render, which must not hit the preview's own time limit here.
        await using var site = await LiveSite.StartAsync(environment: new() { ["BackOffice__PreviewTimeLimit"] = "00:01:00" });
        var id = await site.CreateDraftAsync("قبل الإيقاف " + Guid.NewGuid().ToString("N")[..6]);
        var acknowledged = new List<string>();
        var answered = 0;
        var failed = new List<string>();
        var refused = 0;
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 12).Select(i => Task.Run(async () =>
        {
            string[] paths = ["/ar/", "/en/feed.rss", "/uk/advisories", "/ar/search?q=%D8%B1%D9%85%D8%B2", "/health", "/ar/methodology"];
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                try
                {
                    var response = await site.Client.GetAsync(paths[n % paths.Length]);
                    Interlocked.Increment(ref answered);
                    if ((int)response.StatusCode >= 500) lock (failed) failed.Add($"{paths[n % paths.Length]} {(int)response.StatusCode}");
                }
                catch (HttpRequestException) { Interlocked.Increment(ref refused); await Task.Delay(200); } // not accepted any more
            }
        })).ToList();
        var saver = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var marker = "term-" + n;
                try
                {
                    var response = await site.SaveBodyAsync(id, "## نص\n\n" + marker);
                    if (response.StatusCode == HttpStatusCode.Redirect) lock (acknowledged) acknowledged.Add(marker);
                    else if ((int)response.StatusCode >= 500) lock (failed) failed.Add($"save {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException) { await Task.Delay(200); }
            }
        });

        // Load for a while, and at least until some saves and reads have been answered.
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        await LiveSite.WaitUntilAsync(() => Task.FromResult(acknowledged.Count >= 3 && answered >= 50), TimeSpan.FromSeconds(90));
        // A slow request in flight when the signal arrives: a large preview render.
        var token = (await FactCheck.Tests.Admin.EditorSteps.NewFormAsync(site.Client)).Get("__RequestVerificationToken")!;
        var slow = site.Client.PostAsync("/admin/advisories/preview-body", new FormUrlEncodedContent(
            [new("body", string.Concat(Enumerable.Repeat("## قسم\n\nنص عربي مع example.com و +966 11 234 5678.\n\n", 2500))), new("language", "ar"), new("__RequestVerificationToken", token)]));
        await Task.Delay(150);
        var signalled = Stopwatch.StartNew();
        site.Process.Signal(15);
        var exited = await site.Process.WaitForExitAsync(TimeSpan.FromSeconds(40));
        var exitSeconds = signalled.Elapsed.TotalSeconds;
        var inFlight = await slow;
        await stop.CancelAsync();
        await Task.WhenAll(readers.Append(saver));

        Assert.True(exited, "the site did not exit within 40 s of SIGTERM");
        Assert.Equal(0, site.Process.ExitCode);
        Assert.Equal(HttpStatusCode.OK, inFlight.StatusCode);
        Assert.Contains("<h2", await inFlight.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(failed.Count == 0, "5xx answers: " + string.Join(", ", failed.Take(10)));

        await using var db = site.OpenDatabase();
        await db.OpenAsync();
        Assert.Equal("ok", await LiveSite.IntegrityAsync(db));
        var stored = string.Join('\n', await LiveSite.StringsAsync(db, "SELECT \"Snapshot\" FROM \"AdvisoryRevisions\";"));
        Assert.All(acknowledged, marker => Assert.Contains(marker, stored, StringComparison.Ordinal));
        Assert.Equal([""], await LiveSite.StringsAsync(db, "SELECT \"Holder\" FROM \"Leases\" WHERE \"Name\" = 'scheduled-publishing';"));

        LiveSite.Figure(output, "requests answered under load", answered);
        LiveSite.Figure(output, "5xx answers", failed.Count);
        LiveSite.Figure(output, "requests refused after the signal (new connections, retried every 200 ms)", refused);
        LiveSite.Figure(output, "acknowledged saves (all kept)", acknowledged.Count);
        LiveSite.Figure(output, "seconds from SIGTERM to exit", exitSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }
}
