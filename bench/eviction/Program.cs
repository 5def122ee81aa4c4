using System.Diagnostics;
using System.Globalization;
using FactCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Usage: eviction <Postgres|Sqlite> <connection string of an empty database> [rounds]
// Two instances of the site on one database, as two servers behind a proxy: each a host of its own in this
// process, with its own services and output cache (the same arrangement as tests/…/TwoInstancesTests.cs).
// Each round publishes an advisory through the first instance's workflow, then withdraws it, and after each
// change polls the second instance (every 5 ms, its home page, then the advisory's page, both cached
// there beforehand) until it shows the change. Prints "eviction: <p50> <max> <p50> <max> <n>": milliseconds
// until the second instance emptied its cache, then until its page showed the change; n changes.
internal static class EvictionBench
{
    public static async Task<int> Main(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(args[0]);
        var connectionString = args[1];
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var dataPath = Directory.CreateTempSubdirectory("factcheck-eviction").FullName;

        await using var first = new Instance(provider, connectionString, dataPath);
        _ = first.Services; // the first start migrates the database
        await using var second = new Instance(provider, connectionString, dataPath);
        var reader = second.CreateClient();
        var version = second.Services.GetRequiredService<PublicContent>();
        var (noticed, shown) = (new List<double>(), new List<double>());
        // Times from the change's return until the second instance has emptied its cache, and until its page shows it.
        async Task Measure(Func<Task> change, Func<Task<bool>> showsIt)
        {
            var before = version.Version;
            await change();
            var watch = Stopwatch.StartNew();
            await Until(() => Task.FromResult(version.Version != before));
            noticed.Add(watch.Elapsed.TotalMilliseconds);
            await Until(showsIt);
            shown.Add(watch.Elapsed.TotalMilliseconds);
        }

        for (var round = 0; round < rounds; round++)
        {
            var marker = "evict" + round.ToString(CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6];
            var advisory = new Advisory
            {
                Kind = AdvisoryKind.Alert, Language = "ar", Slug = marker, Title = "تحذير " + marker, Summary = "ملخص", Body = "نص",
                Status = AdvisoryStatus.InReview, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            await first.ActAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                db.Advisories.Add(advisory);
                await db.SaveChangesAsync();
            });
            var path = "/ar/advisories/" + marker;
            await Until(async () => !(await reader.GetStringAsync("/ar/")).Contains(marker, StringComparison.Ordinal)); // cached, without it

            await Measure(
                () => first.ActAsync(services => services.GetRequiredService<AdvisoryWorkflow>().PublishAsync(advisory.Id, advisory.Version, new Actor(null, "bench"))),
                async () => (await reader.GetStringAsync("/ar/")).Contains(marker, StringComparison.Ordinal));

            await Until(async () => (await reader.GetAsync(path)).IsSuccessStatusCode); // cached on the second instance
            await Measure(
                () => first.ActAsync(services => services.GetRequiredService<AdvisoryWorkflow>().WithdrawAsync(advisory.Id, advisory.Version + 1, "bench", new Actor(null, "bench"))),
                async () => (await reader.GetAsync(path)).StatusCode == System.Net.HttpStatusCode.Gone);
        }
        noticed.Sort();
        shown.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eviction: {noticed[noticed.Count / 2]:0.0} {noticed[^1]:0.0} {shown[shown.Count / 2]:0.0} {shown[^1]:0.0} {shown.Count}"));
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        return 0;
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(6)) throw new TimeoutException("the second instance never showed the change");
            await Task.Delay(1);
        }
    }
}

internal sealed class Instance(DatabaseProvider provider, string connectionString, string dataPath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot());
        builder.UseEnvironment("Production");
        builder.UseSetting("Site:DataPath", dataPath);
        builder.UseSetting("Site:ImportContentOnStart", "false");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", connectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public async Task ActAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>The repository (the folder holding FactCheck.sln) above the benchmark's binaries: its appsettings.json and wwwroot.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from a checkout: FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
