using System.Net;
using System.Text.Json;
using FactCheck.Tests.Admin;
using FactCheck.Tests.Media;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactCheck.Tests.Hostile;

/// <summary>Scheduled publishing across a restart (issue 18, finding 12), on a fake clock: no test waits for a lease to run out.</summary>
public sealed class LeaseHandOverTests : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
    private readonly TestDatabase database;
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly List<TwoInstances.Instance> instances = [];

    public LeaseHandOverTests() => database = TestDatabase.Create(dataPath);

    private TwoInstances.Instance Start(string name)
    {
        var instance = new TwoInstances.Instance(dataPath, database, clock, name);
        instances.Add(instance);
        _ = instance.Services; // starts the host: the scheduler's first round runs at once
        return instance;
    }

    private async Task<string?> HolderAsync()
    {
        await using var db = database.Context();
        return (await db.Leases.SingleOrDefaultAsync(l => l.Name == ScheduledPublisher.LeaseName))?.Holder;
    }

    private async Task<bool> PublishedAsync(Guid id)
    {
        await using var db = database.Context();
        return await db.Advisories.AnyAsync(a => a.Id == id && a.Status == AdvisoryStatus.Published);
    }

    /// <summary>Polls (real time, bounded) for what a scheduler round does once the fake clock has ticked.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(50))
            if (await condition()) return true;
        return false;
    }

    private Task<Advisory> DueAsync(TwoInstances.Instance site) => site.AddAdvisoryAsync(a =>
    {
        a.Status = AdvisoryStatus.Scheduled;
        a.Kind = AdvisoryKind.Alert; // an alert needs no verdict to be published
        a.PublishedAt = null;
        a.ScheduledFor = clock.GetUtcNow().UtcDateTime;
    });

    [Fact]
    public async Task A_gracefully_stopped_holder_hands_the_lease_over_at_the_next_round()
    {
        var first = Start("first");
        Assert.True(await EventuallyAsync(async () => await HolderAsync() == "first"));
        var second = Start("second");

        await first.DisposeAsync();
        var due = await DueAsync(second);
        clock.Advance(TwoInstances.SchedulerInterval); // one round: a quarter of the lease the stopped instance held

        Assert.True(await EventuallyAsync(() => PublishedAsync(due.Id)), "the second instance should have published at its next round");
        Assert.Equal("second", await HolderAsync());
    }

    [Fact]
    public async Task An_instance_restarted_under_its_name_takes_its_own_lease_at_once()
    {
        var setup = Start("setup");
        Assert.True(await EventuallyAsync(async () => await HolderAsync() == "setup"));
        await setup.DisposeAsync();
        // "desk-1" died holding the lease: nobody handed it back.
        await using (var db = database.Context())
            await db.Leases.Where(l => l.Name == ScheduledPublisher.LeaseName)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "desk-1").SetProperty(l => l.ExpiresAt, clock.GetUtcNow().UtcDateTime.AddMinutes(2)));

        var other = Start("desk-2");
        var due = await DueAsync(other);
        clock.Advance(TwoInstances.SchedulerInterval);
        Assert.False(await EventuallyAsync(async () => await HolderAsync() != "desk-1"), "desk-2 must wait for the lease to run out");

        Start("desk-1");
        Assert.True(await EventuallyAsync(() => PublishedAsync(due.Id)), "desk-1, restarted, should publish at once");
        Assert.Equal("desk-1", await HolderAsync());
    }

    public void Dispose()
    {
        foreach (var instance in instances) instance.Dispose();
        database.Dispose();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Crash leftovers (finding 11) and backups (finding 14).</summary>
public class LeftoverAndBackupTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Files_nothing_refers_to_go_once_older_than_the_grace_period_and_used_ones_stay()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(240, 320, TestImages.Pattern), "مستعملة");
        var store = site.Services.GetRequiredService<IMediaStore>();
        var folder = Path.Combine(site.DataPath, "media");
        string[] used = [];
        await site.WithDatabaseAsync(async db => used = await db.ScreenshotFiles.Select(f => f.FileName).ToArrayAsync());

        // What a kill between writing renditions and the commit leaves: renditions no row names, and a half-written file.
        var library = site.Services.GetRequiredService<MediaLibrary>();
        var image = await site.Services.GetRequiredService<ScreenshotProcessor>().ProcessAsync(TestImages.Png(260, 300, TestImages.Pattern), []);
        var orphans = (await library.StoreVariantsAsync(image)).Select(f => f.FileName).ToList();
        var partial = orphans[0] + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(Path.Combine(folder, partial), [1, 2, 3]);
        var young = MediaLibrary.NameOf([9, 9, 9], ".png");
        await store.SaveAsync(young, [9, 9, 9]);
        // A share card is named by what it shows, not by a row: it stays, and stays public.
        var card = new ShareCards.Card("بطاقة", "احتيال", "#9f1239", "FactCheck", SiteLanguage.Arabic).FileName;
        await store.SaveAsync(card, TestImages.Png(12, 8, TestImages.Pattern));
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var name in used.Concat(orphans).Append(partial).Append(card)) File.SetLastWriteTimeUtc(Path.Combine(folder, name), old);
        foreach (var name in orphans) Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/media/" + name)).StatusCode);

        var removed = await site.Services.GetRequiredService<MediaSweep>().SweepAsync();

        Assert.Equal(orphans.Count + 1, removed);
        Assert.All(orphans.Append(partial), name => Assert.False(File.Exists(Path.Combine(folder, name)), $"{name} should be gone"));
        Assert.All(used, name => Assert.True(store.Exists(name), $"{name} is used and must stay"));
        Assert.True(store.Exists(young), "a file younger than the grace period may belong to an upload in progress");
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/media/" + card)).StatusCode);
    }

    [Fact, Trait("Database", "SqliteOnly")]
    public async Task A_backup_taken_while_screenshots_are_added_restores_with_every_file_its_database_names()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        using var stop = new CancellationTokenSource();
        var uploads = Task.Run(async () =>
        {
            var added = 0;
            for (var i = 0; !stop.IsCancellationRequested && i < 40; i++, added++)
                await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(200 + i, 300, TestImages.Pattern), "لقطة " + i);
            return added;
        });
        var backups = new List<string>();
        var output = new StringWriter();
        var error = new StringWriter();
        while (!uploads.IsCompleted && backups.Count < 5)
        {
            var folder = Path.Combine(site.DataPath, "backups", backups.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, await Backup.RunAsync(site.Services, ["backup", folder], output, error));
            backups.Add(folder);
        }
        await stop.CancelAsync();
        Assert.True(await uploads > 0);
        Assert.NotEmpty(backups);

        foreach (var folder in backups)
        {
            Assert.Empty(await Backup.MissingAsync(Path.Combine(folder, "factcheck.db"), Path.Combine(folder, "media")));
            await using var restored = new SqliteConnection($"Data Source={Path.Combine(folder, "factcheck.db")};Pooling=False");
            await restored.OpenAsync();
            await using var check = restored.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", await check.ExecuteScalarAsync());
        }
        Assert.Equal("", error.ToString());
    }
}

/// <summary>
/// A database another process holds the write lock of (finding 13): the editor is told within the busy
/// timeout and keeps their text, sign-in says so too, and /health reports it. SQLite only: PostgreSQL
/// has no database-wide write lock.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class LockedDatabaseTests(LockedDatabaseTests.Site site) : IClassFixture<LockedDatabaseTests.Site>
{
    public sealed class Site : BackOfficeSite
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Append(new("Database:BusyTimeoutSeconds", "1"));
    }

    /// <summary>Holds SQLite's write lock from a second connection, as a long transaction of another process would.</summary>
    private async Task<SqliteConnection> LockAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(site.DataPath, "factcheck.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    [Fact]
    public async Task A_save_while_the_database_is_locked_says_so_and_keeps_the_text()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        var body = "## نص لا يضيع\n\nكتبه المحرر والقاعدة مقفلة " + Guid.NewGuid().ToString("N");
        form.Set("Body", body);

        HttpResponseMessage response;
        await using (await LockAsync())
            response = await form.SubmitAsync(editor, ("command", "save"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.NotEmpty(page.QuerySelector("p.form-errors")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("textarea"), t => t.TextContent == body);
        // "Try again" sends the same form once the lock is gone, and it is saved.
        var again = Form.Parse(page.DocumentElement.OuterHtml, "main form[method=post]");
        Assert.Equal($"/admin/advisories/{id}", again.Action);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SubmitAsync(editor)).StatusCode);
        await site.WithDatabaseAsync(async db => Assert.Equal(body, await db.Advisories.Where(a => a.Id == id).Select(a => a.Body).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_while_the_database_is_locked_gets_a_page_that_says_so()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var client = site.Browser();
        var form = await Form.LoadAsync(client, "/admin/sign-in");
        form.Set("Email", user.Email!).Set("Password", BackOfficeSite.Password);
        HttpResponseMessage response;
        await using (await LockAsync())
            response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.NotEmpty(page.QuerySelector("p.form-errors")!.TextContent.Trim());
        Assert.DoesNotContain(BackOfficeSite.Password, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_reports_degraded_while_the_database_cannot_be_written()
    {
        async Task<(string Status, string Storage)> HealthAsync()
        {
            var json = JsonDocument.Parse(await site.Client().GetStringAsync("/health")).RootElement;
            return (json.GetProperty("status").GetString()!, json.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString()!);
        }
        Assert.Equal(("healthy", "healthy"), await HealthAsync());
        await using (await LockAsync())
            Assert.Equal(("degraded", "degraded"), await HealthAsync());
        Assert.Equal(("healthy", "healthy"), await HealthAsync());
    }
}
