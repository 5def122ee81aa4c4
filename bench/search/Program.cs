using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck;
using FactCheck.Bench;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: run [size ...]   (default: 10000 100000)
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 100_000];
var report = new StringBuilder();
report.Append(CultureInfo.InvariantCulture,
    $"Search benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}\n");
foreach (var size in sizes) await SearchBench.RunAsync(size, report);
Console.WriteLine();
Console.WriteLine(report);

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

internal static class SearchBench
{
    private const int Queries = 200;
    private const int Warmup = 20;
    private const int PageSize = 20;

    public static async Task RunAsync(int size, StringBuilder report)
    {
        var folder = Path.Combine(Path.GetTempPath(), "factcheck-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "bench.db");
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={path}" }, folder);
        var options = builder.Options;
        var index = new SqliteSearchIndex();
        try
        {
            await using (var db = new AppDbContext(options))
            {
                await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
                await DefaultData.EnsureSeededAsync(db);
            }

            Console.Error.WriteLine($"{size}: generating…");
            var corpus = new Corpus(seed: 20251123 + size);
            var clock = Stopwatch.StartNew();
            var facts = await corpus.InsertAsync(options, size);
            var insertTime = clock.Elapsed;

            Console.Error.WriteLine($"{size}: indexing…");
            clock.Restart();
            int indexed;
            await using (var db = new AppDbContext(options)) indexed = await index.RebuildAsync(db);
            var indexTime = clock.Elapsed;
            await using (var db = new AppDbContext(options))
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
            var fileSize = new FileInfo(path).Length;
            long indexSize;
            await using (var db = new AppDbContext(options))
                indexSize = await db.Database.SqlQueryRaw<long>("SELECT coalesce(sum(length(block)), 0) AS \"Value\" FROM search_index_data").SingleAsync();

            var random = new Random(size);
            T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
            string PickLanguage() => corpus.PickLanguage();

            Console.Error.WriteLine($"{size}: querying…");
            var rows = new List<string>();
            async Task Measure(string name, Func<int, (string Language, string Query)> next, Func<AppDbContext, string, string, Task<int>> run)
            {
                var times = new List<double>();
                var hits = new List<int>();
                for (var i = 0; i < Warmup + Queries; i++)
                {
                    var (language, query) = next(i);
                    var watch = Stopwatch.StartNew();
                    // A fresh context per query, as per request on the site (connections are pooled).
                    await using var db = new AppDbContext(options);
                    var found = await run(db, language, query);
                    watch.Stop();
                    if (i < Warmup) continue;
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    hits.Add(found);
                }
                times.Sort();
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Percentile(times, 0.50):0.0} | {Percentile(times, 0.95):0.0} | {times[^1]:0.0} | {hits.Average():0.#} |"));
            }

            Task<int> Search(AppDbContext db, string language, string query) =>
                index.SearchAsync(db, SearchQuery.Parse(query), new SearchFilter(language), 1, PageSize).ContinueWith(t => t.Result.Total, TaskScheduler.Default);
            async Task<int> Check(AppDbContext db, string language, string input) => (await IndicatorCheck.FindAsync(db, input)).Matches.Count;

            await Measure("search: rare word", _ => { var l = PickLanguage(); return (l, Pick(facts.RareWords[l])); }, Search);
            await Measure("search: common word", _ => { var l = PickLanguage(); return (l, corpus.CommonWord(l)); }, Search);
            await Measure("search: two words", _ => { var l = PickLanguage(); return (l, corpus.MiddleWord(l) + " " + corpus.MiddleWord(l)); }, Search);
            await Measure("search: phrase", _ => { var l = PickLanguage(); return (l, "\"" + Pick(facts.Phrases[l]) + "\""); }, Search);
            await Measure("search: rare + common word", _ => { var l = PickLanguage(); return (l, Pick(facts.RareWords[l]) + " " + corpus.CommonWord(l)); }, Search);
            await Measure("check: phone, known (national form)", _ => ("ar", NationalForm(Pick(facts.Indicators.Where(x => x.Type == IndicatorType.Phone).ToList()))), Check);
            await Measure("check: phone, unknown", _ => ("ar", "+966 5" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)), Check);
            await Measure("check: link/handle/e-mail, known (other form)", _ => ("ar", OtherForm(Pick(facts.Indicators.Where(x => x.Type != IndicatorType.Phone).ToList()))), Check);
            await Measure("check: domain, unknown", _ => ("ar", $"hxxps://not-listed-{random.Next()}[.]example/login"), Check);

            // What the common-word query spends its time on: the count of every match, and one page of the
            // title tier and of the rest (FTS5 walks its rowid, the publication order, and stops after 20).
            var common = "meta : \"langar\" AND " + SqliteSearchIndex.MatchExpression(SearchQuery.Parse(corpus.CommonWord("ar")));
            var matchOnly = await TimeAsync(options, db => db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM search_index WHERE search_index MATCH {0}", common).SingleAsync());
            var ranked = await TimeAsync(options, db => db.Database.SqlQueryRaw<string>(
                "SELECT advisory_id AS \"Value\" FROM search_index WHERE search_index MATCH {0} ORDER BY rowid DESC LIMIT 20", common).ToListAsync());
            var ids = new List<Guid>();
            await using (var db = new AppDbContext(options))
                ids = await db.PublishedAdvisories.Where(a => a.Language == "ar").OrderBy(a => a.Id).Take(PageSize).Select(a => a.Id).ToListAsync();
            var snippets = await TimeAsync(options, db => SearchHits.LoadAsync(db, ids, SearchQuery.Parse(corpus.CommonWord("ar"))));
            var phones = 0;
            await using (var db = new AppDbContext(options)) phones = await db.Indicators.CountAsync(i => i.Type == IndicatorType.Phone);

            report.Append(CultureInfo.InvariantCulture, $"""

                ### {size:N0} advisories

                Generated in {insertTime.TotalSeconds:0} s; index rebuilt ({indexed:N0} published) in {indexTime.TotalSeconds:0} s.
                Database {fileSize / 1048576.0:0} MB, of which the FTS5 index {indexSize / 1048576.0:0} MB; {phones:N0} stored phone indicators.

                | query ({Queries} each, page size {PageSize}) | p50 ms | p95 ms | max ms | avg matches |
                |---|---:|---:|---:|---:|
                {string.Join("\n", rows)}

                Common word ("{corpus.CommonWord("ar")}", Arabic), median of 20: counting every match {matchOnly:0.0} ms;
                the newest 20 matches {ranked:0.0} ms; loading 20 hits with highlighted snippets {snippets:0.0} ms.

                """);
            Console.Error.WriteLine(report);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>How a reader in the number's own country writes it: trunk prefix and no calling code.</summary>
    private static string NationalForm(StoredIndicator phone)
    {
        var digits = new string(phone.Raw.Where(char.IsAsciiDigit).ToArray());
        var national = phone.Country switch
        {
            "SA" => "0" + digits[3..],
            "UA" => "0" + digits[3..],
            "GB" => "0" + digits[2..],
            _ => "0" + digits[3..],
        };
        // Spaced and in Arabic-Indic digits, as pasted from an Arabic message.
        return string.Concat(national.Select(c => (char)('٠' + (c - '0')))).Insert(3, " ");
    }

    private static string OtherForm(StoredIndicator indicator) => indicator.Type switch
    {
        IndicatorType.Url => indicator.Raw.Replace("https://", "hxxps://", StringComparison.Ordinal).Replace(".example", "[.]example", StringComparison.Ordinal) + "?utm_source=sms",
        IndicatorType.Handle => "t.me/" + indicator.Raw[1..].ToUpperInvariant(),
        IndicatorType.Email => indicator.Raw.ToUpperInvariant().Replace("@", "[at]", StringComparison.Ordinal),
        _ => indicator.Raw,
    };

    private static async Task<double> TimeAsync<T>(DbContextOptions<AppDbContext> options, Func<AppDbContext, Task<T>> action)
    {
        var times = new List<double>();
        for (var i = 0; i < 25; i++)
        {
            await using var db = new AppDbContext(options);
            var watch = Stopwatch.StartNew();
            await action(db);
            if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return Percentile(times, 0.5);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
