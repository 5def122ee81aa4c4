using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests;

/// <summary>
/// The real site on a real database of its own (see <see cref="TestDatabase"/>: a SQLite file in a
/// temporary folder, or a fresh PostgreSQL database on the PostgreSQL run), with the repository's
/// content/ imported on start exactly as on a fresh install. One factory per test class
/// (IClassFixture) keeps tests fast; tests that change data use <see cref="AddAdvisoryAsync"/> with
/// their own slugs.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public string DataPath { get; }
    public TestDatabase Database { get; }
    private readonly bool ownsData;

    public SiteFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "factcheck-tests", Guid.NewGuid().ToString("N"));
        Database = TestDatabase.Create(DataPath);
        ownsData = true;
    }

    /// <summary>
    /// An instance of the site on a data folder and database the caller owns and deletes, so that several
    /// instances can share them as servers behind one proxy do (see Admin/TwoInstancesTests.cs).
    /// </summary>
    protected SiteFactory(string dataPath, TestDatabase database)
    {
        DataPath = dataPath;
        Database = database;
        ownsData = false;
    }

    /// <summary>
    /// The site's clock: the real one, or a FakeTimeProvider in sites whose tests move time themselves
    /// (see ClockedSite) rather than sleep. Test data takes its dates from it too.
    /// </summary>
    public TimeProvider Clock { get; protected init; } = TimeProvider.System;

    /// <summary>Extra settings (Site:…, Database:…) a subclass or test wants.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Path);
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:DataPath", DataPath);
        foreach (var (key, value) in Database.Settings) builder.UseSetting(key, value);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock != TimeProvider.System)
            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
    }

    /// <summary>A client that does not follow redirects, so tests see the status codes readers' browsers get.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>
    /// Runs code against the site's own database (SQLite, or PostgreSQL in the second test run). What it writes is shown from the
    /// next request on, as after the real write paths (they tell <see cref="PublicContent"/> once committed).
    /// </summary>
    public async Task WithDatabaseAsync(Func<AppDbContext, Task> action)
    {
        using (var scope = Services.CreateScope())
            await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        await Services.GetRequiredService<PublicContent>().ChangedAsync();
    }

    /// <summary>Stores an advisory (published in Arabic unless <paramref name="configure"/> says otherwise) and indexes it for search.</summary>
    public async Task<Advisory> AddAdvisoryAsync(Action<Advisory> configure)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var advisory = new Advisory
        {
            Kind = AdvisoryKind.FactCheck,
            Language = "ar",
            Slug = "test-" + Guid.NewGuid().ToString("N")[..8],
            Title = "عنوان تجريبي",
            Summary = "ملخص تجريبي",
            Body = "نص تجريبي",
            Status = AdvisoryStatus.Published,
            CreatedAt = now,
            PublishedAt = now,
            UpdatedAt = now,
        };
        configure(advisory);
        await WithDatabaseAsync(async db =>
        {
            // As the importer and the back-office save: the search index changes in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Platforms and tags loaded elsewhere (they have an Id) already exist: link them, don't insert them again.
            db.AttachRange(advisory.Platforms.Where(p => p.Id != 0));
            db.AttachRange(advisory.Tags.Where(t => t.Id != 0));
            db.Advisories.Add(advisory);
            await db.SaveChangesAsync();
            await Services.GetRequiredService<SearchIndex>().UpdateAsync(db, advisory);
            await transaction.CommitAsync();
        });
        return advisory;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsData)
        {
            Database.Dispose();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
        }
    }
}
