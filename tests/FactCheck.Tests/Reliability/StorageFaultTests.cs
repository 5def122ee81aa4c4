using System.Diagnostics;
using System.Net;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Media;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace FactCheck.Tests.Reliability;

/// <summary>
/// Bad storage days, from outside: the data folder on a small file system of the site's own (a tmpfs in
/// a private mount namespace, `unshare -m`), which the test fills up or makes read-only while editors
/// work; the database locked by another process; and a data folder that is read-only or full at start.
/// Editors get a page that says what happened and keeps their text (never a 500), /health says
/// "degraded", and a start on unusable storage ends with one line naming the folder and the fix.
/// Needs root or unprivileged user namespaces for the mounts (script/test runs as root).
/// </summary>
[Trait("Database", "SqliteOnly"), Trait("Category", "Reliability"), Collection(LiveSite.Collection)]
public class StorageFaultTests(ITestOutputHelper output)
{
    private static readonly bool Root = Environment.UserName == "root";

    /// <summary>Runs the site in a mount namespace of its own with a tmpfs of <paramref name="size"/> over its data folder.</summary>
    private static List<string> OnTmpfs(string dataPath, string size, string beforeStart = "") =>
    [
        "unshare", Root ? "-m" : "-rm", "--", "sh", "-c",
        $"mount -t tmpfs -o size={size} tmpfs \"$1\" && {beforeStart} shift && exec \"$@\"", "sh", dataPath,
    ];

    /// <summary>A command inside the site's mount namespace (e.g. remounting its data folder).</summary>
    private static async Task InNamespaceAsync(SiteProcess site, params string[] command)
    {
        var start = new ProcessStartInfo("nsenter") { RedirectStandardError = true };
        var pid = site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var arg in (Root ? new[] { "-t", pid, "-m", "--" } : ["-t", pid, "-U", "-m", "--"]).Concat(command))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"nsenter {string.Join(' ', command)}: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>The site's data folder as the site sees it (its tmpfs), reached from outside through /proc.</summary>
    private static string Inside(LiveSite site) => $"/proc/{site.Process.Id}/root{site.DataPath}";

    private static async Task<string> StorageHealthAsync(LiveSite site)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await site.Client.GetStringAsync("/health"));
        return json.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString()!;
    }

    /// <summary>A save that storage refuses: 503, the reason, and the body typed, ready to send again. Or, if storage still had room, saved.</summary>
    private static async Task<HttpStatusCode> SaveKeepingTextAsync(LiveSite site, Guid id, string body)
    {
        var response = await site.SaveBodyAsync(id, body);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable, $"save answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            var page = await Html.ReadAsync(response);
            Assert.NotEmpty(page.QuerySelector("p.form-errors")!.TextContent.Trim());
            Assert.Contains(page.QuerySelectorAll("textarea"), t => t.TextContent == body);
            Assert.NotNull(page.QuerySelector($"main form[action='/admin/advisories/{id}']"));
        }
        return response.StatusCode;
    }

    [Fact]
    public async Task A_full_disk_refuses_uploads_and_saves_with_a_page_that_keeps_the_text_and_health_says_degraded()
    {
        var data = LiveSite.NewDataPath();
        await using var site = await LiveSite.StartAsync(data, wrapper: OnTmpfs(data, "64m"));
        var id = await site.CreateDraftAsync("قرص ممتلئ");
        Assert.Equal("healthy", await StorageHealthAsync(site));

        var filler = Path.Combine(Inside(site), "filler");
        await using (var file = File.Create(filler))
        {
            var block = new byte[1 << 20];
            try { while (true) await file.WriteAsync(block); }
            catch (IOException) { } // ENOSPC: the disk is full
        }

        var watch = Stopwatch.StartNew();
        var save = await SaveKeepingTextAsync(site, id, "## نص كُتب والقرص ممتلئ\n\n" + new string('ن', 4000));
        var saveSeconds = watch.Elapsed.TotalSeconds;
        var upload = await ScreenshotUploadAsync(site, id);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.NotEmpty((await Html.ReadAsync(upload)).QuerySelector("p.form-errors")!.TextContent.Trim());
        Assert.Equal("degraded", await StorageHealthAsync(site));

        File.Delete(filler);
        Assert.Equal("healthy", await StorageHealthAsync(site));
        Assert.Equal(HttpStatusCode.Redirect, (await site.SaveBodyAsync(id, "## بعد تفريغ القرص")).StatusCode);
        Assert.True(await site.AddScreenshotAsync(id, TestImages.Png(200, 300, TestImages.Pattern), "بعد"));

        LiveSite.Figure(output, "full disk, save answered", $"{(int)save} in {saveSeconds:0.0} s");
        LiveSite.Figure(output, "full disk, upload answered", (int)upload.StatusCode);
    }

    [Fact]
    public async Task A_data_folder_turned_read_only_refuses_uploads_with_a_page_that_says_so_and_health_says_degraded()
    {
        var data = LiveSite.NewDataPath();
        await using var site = await LiveSite.StartAsync(data, wrapper: OnTmpfs(data, "64m"));
        var id = await site.CreateDraftAsync("للقراءة فقط");

        // A read-only view of the folder on top of it (Linux refuses to remount a file system read-only
        // while the database holds files open for writing; those open files stay writable, as they would).
        await InNamespaceAsync(site.Process, "sh", "-c", $"mount --bind '{data}' '{data}' && mount -o remount,bind,ro '{data}'");
        var watch = Stopwatch.StartNew();
        var upload = await ScreenshotUploadAsync(site, id);
        var seconds = watch.Elapsed.TotalSeconds;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        var page = await Html.ReadAsync(upload);
        Assert.NotEmpty(page.QuerySelector("p.form-errors")!.TextContent.Trim());
        Assert.Equal("degraded", await StorageHealthAsync(site));
        var save = await SaveKeepingTextAsync(site, id, "## نص كُتب والمجلد للقراءة فقط");
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/ar/")).StatusCode); // readers still read

        await InNamespaceAsync(site.Process, "umount", data);
        Assert.Equal("healthy", await StorageHealthAsync(site));
        Assert.True(await site.AddScreenshotAsync(id, TestImages.Png(200, 300, TestImages.Pattern), "بعد"));
        LiveSite.Figure(output, "read-only data folder, upload answered", $"{(int)upload.StatusCode} in {seconds:0.0} s");
        LiveSite.Figure(output, "read-only data folder, save answered", (int)save);
    }

    [Fact]
    public async Task A_database_locked_by_another_process_gets_a_busy_page_within_seconds_not_after_thirty()
    {
        await using var site = await LiveSite.StartAsync();
        var id = await site.CreateDraftAsync("قاعدة مقفلة");
        double seconds;
        HttpStatusCode save, signIn;
        string health;
        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(site.DataPath, "factcheck.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }
            var watch = Stopwatch.StartNew();
            save = await SaveKeepingTextAsync(site, id, "## نص كُتب والقاعدة مقفلة");
            seconds = watch.Elapsed.TotalSeconds;
            health = await StorageHealthAsync(site);
            using var stranger = SiteProcess.Client(site.BaseUrl);
            signIn = (await BackOfficeSite.SignInAsync(stranger, LiveSite.Email, BackOfficeSite.Password)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, save);
        Assert.True(seconds < 20, $"the save was refused after {seconds:0.0} s");
        Assert.Equal("degraded", health);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SaveBodyAsync(id, "## بعد فك القفل")).StatusCode);
        LiveSite.Figure(output, "locked database, save answered", $"{(int)save} in {seconds:0.0} s");
        LiveSite.Figure(output, "locked database, sign-in answered", (int)signIn);
    }

    [Theory]
    [InlineData("read-only", "mount -o remount,ro \"$1\" &&", "cannot write to its data folder")]
    [InlineData("full", "dd if=/dev/zero of=\"$1/filler\" bs=1M >/dev/null 2>&1; ", "is full")]
    public async Task Starting_on_a_data_folder_that_cannot_be_written_ends_with_one_line_naming_it(string kind, string beforeStart, string expected)
    {
        var data = LiveSite.NewDataPath();
        Directory.CreateDirectory(data);
        try
        {
            var (exitCode, text) = await SiteProcess.RunAsync(data, null, new(), OnTmpfs(data, "8m", beforeStart), "--urls", "http://127.0.0.1:0");
            Assert.Equal(1, exitCode);
            var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("FactCheck cannot start", StringComparison.Ordinal));
            Assert.Contains(data, line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal); // no stack trace
            LiveSite.Figure(output, $"start on a {kind} data folder", line);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> ScreenshotUploadAsync(LiveSite site, Guid id) =>
        ScreenshotSteps.UploadAsync(site.Client, id, TestImages.Png(400, 600, TestImages.Pattern), "shot.png", "لقطة والقرص ممتلئ");
}
