using Microsoft.Extensions.Time.Testing;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactCheck.Tests.Admin;

/// <summary>
/// Two instances of the site (two hosts, each with its own services, caches and scheduler) on one
/// database and one data folder, as two servers behind a reverse proxy: one PostgreSQL database on
/// script/test's PostgreSQL run, one SQLite file otherwise. They are started one after the other, as a
/// deployment on a new database does (README, "Running at scale").
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
    public TestDatabase Database { get; }
    public Instance First { get; }
    public Instance Second { get; }

    /// <summary>The one clock both instances read, as servers synchronised by NTP do; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public static readonly TimeSpan SchedulerInterval = TimeSpan.FromMinutes(1);

    public TwoInstances()
    {
        Database = TestDatabase.Create(dataPath);
        First = new Instance(dataPath, Database, Clock, "first");
        Second = new Instance(dataPath, Database, Clock, "second");
        _ = First.Services;
        _ = Second.Services;
    }

    public sealed class Instance(string dataPath, TestDatabase database, FakeTimeProvider clock, string name) : ClockedBackOfficeSite(dataPath, database, clock)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            // Two instances in one process share folders and (no) addresses, so each gets its own name for the lease.
            base.Settings.Append(new("BackOffice:SchedulerInterval", "00:01:00")).Append(new("BackOffice:InstanceName", name));

        public ScheduledPublisher Scheduler => scheduler ??= Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();
        private ScheduledPublisher? scheduler;

        /// <summary>An HTTPS client that keeps its cookies in <paramref name="cookies"/>, which another instance's client may share.</summary>
        public HttpClient Browser(CookieContainer cookies) =>
            CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
    }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
        Database.Dispose();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}

public class TwoInstancesTests
{
    [Fact]
    public async Task A_sign_in_and_a_form_token_from_one_instance_are_accepted_by_the_other()
    {
        using var sites = new TwoInstances();
        var user = await sites.First.CreateUserAsync(EditorRoles.Editor);
        var cookies = new CookieContainer();
        var first = sites.First.Browser(cookies);
        var second = sites.Second.Browser(cookies);

        // Signed in on the first instance; the second reads the cookie and knows the editor.
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeSite.SignInAsync(first, user.Email!, BackOfficeSite.Password)).StatusCode);
        var dashboard = await second.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains(user.Email!, await dashboard.Content.ReadAsStringAsync());

        // A form (and its antiforgery token) served by the second instance is accepted by the first.
        var form = EditorSteps.FillMinimal(await EditorSteps.NewFormAsync(second));
        var saved = await form.SubmitAsync(first, ("command", "save"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/admin/advisories/", saved.Headers.Location!.OriginalString);

        // The keys that made this work are in the shared database, not in a folder of one machine.
        await sites.First.WithDatabaseAsync(async db => Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync()));
        // And without the cookie the second instance lets no one in.
        Assert.Equal(HttpStatusCode.Redirect, (await sites.Second.Browser(new CookieContainer()).GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Two_schedulers_publish_each_scheduled_advisory_exactly_once()
    {
        using var sites = new TwoInstances();
        var due = new List<Advisory>();
        for (var i = 0; i < 5; i++)
            due.Add(await sites.First.AddAdvisoryAsync(a =>
            {
                a.Status = AdvisoryStatus.Scheduled;
            a.Kind = AdvisoryKind.Alert; // an alert needs no verdict to be published
                a.PublishedAt = null;
                a.ScheduledFor = sites.Clock.GetUtcNow().UtcDateTime;
            }));
        var ids = due.Select(a => a.Id).ToList();

        await WaitUntilAsync(sites, sites.First, async db => await db.Advisories.CountAsync(a => ids.Contains(a.Id) && a.Status == AdvisoryStatus.Published) == ids.Count);
        // Five more rounds of both schedulers: nothing more may happen.
        for (var i = 0; i < 5; i++) await ClockedBackOfficeSite.AdvanceOneRoundAsync(sites.Clock, TwoInstances.SchedulerInterval, [sites.First.Scheduler, sites.Second.Scheduler]);

        await sites.First.WithDatabaseAsync(async db =>
        {
            foreach (var id in ids)
            {
                Assert.Equal(1, await db.AdvisoryRevisions.CountAsync(r => r.AdvisoryId == id && r.Reason == RevisionReason.Publish));
                Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == AuditAction.Publish && e.Target!.Contains(id.ToString())));
            }
            var lease = await db.Leases.SingleAsync(l => l.Name == ScheduledPublisher.LeaseName);
            Assert.Contains(lease.Holder, new[] { sites.First.Scheduler.Holder, sites.Second.Scheduler.Holder });
        });
        foreach (var advisory in due)
            Assert.Equal(HttpStatusCode.OK, (await sites.Second.Client().GetAsync("/ar/advisories/" + advisory.Slug)).StatusCode);
    }

    /// <summary>
    /// An instance that died holding the lease (a graceful stop hands it back: Hostile/BadDayTests.cs)
    /// keeps it until it runs out; then another instance takes over.
    /// </summary>
    [Fact]
    public async Task When_the_lease_holder_dies_another_instance_takes_over_after_the_lease_expires()
    {
        using var sites = new TwoInstances();
        await WaitUntilAsync(sites, sites.First, async db => await db.Leases.AnyAsync(l => l.Name == ScheduledPublisher.LeaseName && l.Holder != ""));
        // As if its holder had died: the lease is held by a name no running instance has, for two more rounds.
        var expiry = sites.Clock.GetUtcNow().UtcDateTime + 2 * TwoInstances.SchedulerInterval;
        await sites.First.WithDatabaseAsync(db => db.Leases.Where(l => l.Name == ScheduledPublisher.LeaseName)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, "died/1234").SetProperty(l => l.ExpiresAt, expiry)));
        var advisory = await sites.First.AddAdvisoryAsync(a =>
        {
            a.Status = AdvisoryStatus.Scheduled;
            a.Kind = AdvisoryKind.Alert; // an alert needs no verdict to be published
            a.PublishedAt = null;
            a.ScheduledFor = sites.Clock.GetUtcNow().UtcDateTime;
        });

        await WaitUntilAsync(sites, sites.First, db => db.Advisories.AnyAsync(a => a.Id == advisory.Id && a.Status == AdvisoryStatus.Published));
        await sites.First.WithDatabaseAsync(async db =>
        {
            var lease = await db.Leases.SingleAsync(l => l.Name == ScheduledPublisher.LeaseName);
            Assert.Contains(lease.Holder, new[] { sites.First.Scheduler.Holder, sites.Second.Scheduler.Holder });
            var published = await db.Advisories.Where(a => a.Id == advisory.Id).Select(a => a.PublishedAt).SingleAsync();
            Assert.True(published >= expiry, $"published at {published:O}, before the dead instance's lease ran out at {expiry:O}");
        });
    }

    [Fact]
    public async Task A_media_file_stored_by_one_instance_is_served_by_the_other()
    {
        using var sites = new TwoInstances();
        var bytes = FactCheck.Tests.Media.TestImages.Png(8, 8, FactCheck.Tests.Media.TestImages.Pattern);
        var name = MediaLibrary.NameOf(bytes, ".png");
        await sites.First.Services.GetRequiredService<IMediaStore>().SaveAsync(name, bytes);
        // /media serves the files of published advisories (MediaAccess).
        await sites.First.AddAdvisoryAsync(a => a.Screenshots =
        [
            new Screenshot { AltText = "x", Width = 8, Height = 8, Files = [new ScreenshotFile { FileName = name, ContentType = "image/png", Width = 8, Height = 8, Length = bytes.Length }] },
        ]);

        var response = await sites.Second.Client().GetAsync("/media/" + name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_publish_and_a_withdrawal_through_one_instance_are_shown_by_the_other_within_a_second()
    {
        using var sites = new TwoInstances();
        var marker = "m" + Guid.NewGuid().ToString("N")[..8];
        var advisory = await sites.First.AddAdvisoryAsync(a =>
        {
            a.Title = "تحذير " + marker;
            a.Kind = AdvisoryKind.Explainer; // publishable without a verdict
            a.Status = AdvisoryStatus.InReview;
            a.PublishedAt = null;
        });
        var path = "/ar/advisories/" + advisory.Slug;
        // The second instance has the home page in its output cache, without the advisory.
        var reader = sites.Second.Client();
        Assert.DoesNotContain(marker, await reader.GetStringAsync("/ar/"));
        Assert.DoesNotContain(marker, await reader.GetStringAsync("/ar/"));

        // On PostgreSQL the first instance announces the change with NOTIFY; on SQLite the second polls
        // the content version every half second (ContentVersion:PollInterval).
        var bound = TimeSpan.FromSeconds(TestDatabase.RunProvider == DatabaseProvider.Postgres ? 1 : 2);
        var published = await ActAsync(sites.First, w => w.PublishAsync(advisory.Id, advisory.Version, new Actor(null, "test")));
        Assert.True(published.Outcome == Outcome.Done, published.Problem);
        var shown = await TimeUntilAsync(async () => (await reader.GetStringAsync("/ar/")).Contains(marker, StringComparison.Ordinal));
        Assert.True(shown < bound, $"the second instance showed the publish after {shown.TotalMilliseconds:0} ms");

        // A withdrawn warning matters most: its cached page on the second instance turns into the 410.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(Outcome.Done, (await ActAsync(sites.First, w => w.WithdrawAsync(advisory.Id, advisory.Version + 1, "رسالة حقيقية", new Actor(null, "test")))).Outcome);
        var gone = await TimeUntilAsync(async () => (await reader.GetAsync(path)).StatusCode == HttpStatusCode.Gone);
        Assert.True(gone < bound, $"the second instance showed the withdrawal after {gone.TotalMilliseconds:0} ms");
    }

    private static async Task<TransitionResult> ActAsync(BackOfficeSite site, Func<AdvisoryWorkflow, Task<TransitionResult>> action)
    {
        using var scope = site.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<AdvisoryWorkflow>());
    }

    private static async Task<TimeSpan> TimeUntilAsync(Func<Task<bool>> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "never shown");
            await Task.Delay(10);
        }
        return watch.Elapsed;
    }

    /// <summary>Moves the shared clock round by round (waiting for the running schedulers) until the condition holds.</summary>
    private static Task WaitUntilAsync(TwoInstances sites, BackOfficeSite site, Func<AppDbContext, Task<bool>> condition)
    {
        return ClockedBackOfficeSite.RunSchedulersUntilAsync(sites.Clock, TwoInstances.SchedulerInterval, [sites.First.Scheduler, sites.Second.Scheduler], async () =>
        {
            var done = false;
            await site.WithDatabaseAsync(async db => done = await condition(db));
            return done;
        });
    }
}
