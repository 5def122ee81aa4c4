using Microsoft.Extensions.Options;
using System.Globalization;
using FactCheck;
using FactCheck.Bench;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: seed <data folder> <advisories>
// Creates {data}/factcheck.db with the real schema, the default rating scale, N synthetic advisories
// (bench/search/Corpus.cs) and the full-text index, then prints shell variables naming the URLs
// bench/run loads: a published Arabic advisory, a deep list page, a search and a known phone number.
var folder = Path.GetFullPath(args[0]);
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
Directory.CreateDirectory(folder);
var builder = new DbContextOptionsBuilder<AppDbContext>();
DatabaseSetup.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "factcheck.db")}" }, folder);
var options = builder.Options;

await using (var db = new AppDbContext(options))
{
    await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
    await DefaultData.EnsureSeededAsync(db);
}
var corpus = new Corpus(seed: 20251123 + count);
var facts = await corpus.InsertAsync(options, count);
await using (var db = new AppDbContext(options))
{
    var indexed = await new SqliteSearchIndex().RebuildAsync(db);
    // As the site's start would in the background (StaleRenderings): every advisory's stored rendering.
    var bodies = new BodyRendering(new MarkdownRenderer(), new RenderProblems(), Options.Create(new SiteOptions()), TimeProvider.System,
        NullLogger<BodyRendering>.Instance);
    var rendered = await new AdvisoryRendering(bodies).RenderStaleAsync(db);
    // As the site's start would before it answers (RegistryStartup): a registry entry per published indicator.
    await new RegistryFeed(db, new RegistryRevisions(db, TimeProvider.System), TimeProvider.System).AddMissingAsync();
    await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
    var arabic = db.PublishedAdvisories.Where(a => a.Language == "ar");
    var published = await arabic.CountAsync();
    // The advisory in the middle of the Arabic list (neither the newest nor the oldest) and its neighbour.
    var slugs = await arabic.OrderBy(a => a.PublishedAt).Skip(published / 2).Take(2).Select(a => a.Slug).ToListAsync();
    var phones = facts.Indicators.Where(i => i.Type == IndicatorType.Phone && i.Language == "ar").Take(2).Select(i => i.Raw).ToList();
    // Nine tenths of the way down the Arabic list, as a crawler or a patient reader gets there.
    var deepPage = Math.Max(1, published / 20 * 9 / 10);
    string Search() => "/ar/search?q=" + Uri.EscapeDataString(corpus.MiddleWord("ar") + " " + corpus.MiddleWord("ar"));
    Console.Error.WriteLine($"seeded {count:N0} advisories ({indexed:N0} published, {published:N0} in Arabic, {rendered:N0} rendered)");
    // The archive walk: every published advisory once, in an order unrelated to the list (bench/run).
    var walk = (await db.PublishedAdvisories.OrderBy(a => a.Id).Select(a => new { a.Language, a.Slug }).ToListAsync())
        .Select(a => $"/{a.Language}/advisories/{Uri.EscapeDataString(a.Slug)}").ToArray();
    new Random(count).Shuffle(walk);
    var walkFile = Path.Combine(folder, "walk-paths.txt");
    await File.WriteAllLinesAsync(walkFile, walk);
    // What bench/run loads, and a second URL of each kind for timing one uncached render after warm-up.
    Console.WriteLine($"ADVISORY_PATH='/ar/advisories/{slugs[0]}' ADVISORY_OTHER='/ar/advisories/{slugs[1]}'");
    Console.WriteLine($"LIST_PATH='/ar/advisories?page={deepPage}' LIST_OTHER='/ar/advisories?page={deepPage - 1}'");
    Console.WriteLine($"SEARCH_PATH='{Search()}' SEARCH_OTHER='{Search()}'");
    Console.WriteLine($"WALK_FILE='{walkFile}'");
    Console.WriteLine($"CHECK_PATH='/ar/check?q={Uri.EscapeDataString(phones[0])}' CHECK_OTHER='/ar/check?q={Uri.EscapeDataString(phones[1])}'");
}
SqliteConnection.ClearAllPools();
