using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SixLabors.ImageSharp.Processing;

// Usage: all [runs] [lookup sizes…]   — everything, side by side (what bench/images/run does)
//        once <engine> <file>         — one run of "netvips" (ScreenshotProcessor) or "imagesharp" in a fresh process, for /usr/bin/time
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (ScreenshotProcessor.Unavailable is { } problem) { Console.Error.WriteLine(problem); return 1; }
if (args is ["once", var engine, var file])
{
    var bytes = await File.ReadAllBytesAsync(file);
    if (engine == "imagesharp") ImageSharpRenditions.Make(bytes, new ScreenshotProcessor(new MediaOptions()));
    else await new ScreenshotProcessor(new MediaOptions()).ProcessAsync(bytes, [], Path.GetFileName(file));
    return 0;
}
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var sizes = args.Length > 2 ? args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000, 50_000];

var folder = Directory.CreateTempSubdirectory("factcheck-bench-images").FullName;
var report = new StringBuilder();
report.Append(CultureInfo.InvariantCulture, $"Image benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, median of {runs} runs\n\n");
try
{
    var inputs = new[] { Inputs.PhoneScreenshot(folder), Inputs.Photo(folder) };
    report.Append("| image | engine | in process | whole process | peak RSS | time ÷ vipsthumbnail (in process / whole process) | peak RSS ÷ vipsthumbnail |\n");
    report.Append("|---|---|---:|---:|---:|---:|---:|\n");
    foreach (var input in inputs) report.Append(await ProcessingBench.RunAsync(input, folder, runs)).Append('\n');
    report.Append("\nSimilar-screenshot lookup (SimilarScreenshots.FindAsync, fresh DbContext per query, SQLite):\n\n");
    report.Append("| screenshots | median | p95 | max |\n|---:|---:|---:|---:|\n");
    foreach (var size in sizes) report.Append(await LookupBench.RunAsync(size, folder)).Append('\n');
}
finally
{
    Directory.Delete(folder, recursive: true);
}
Console.WriteLine();
Console.WriteLine(report);
return 0;

internal sealed record Input(string Name, string Path, int Width, int Height);

/// <summary>The two inputs, made with libvips from generated pixels: a chat screenshot (flat areas, text strokes) and a noisy photo.</summary>
internal static class Inputs
{
    public static Input PhoneScreenshot(string folder)
    {
        const int width = 1080, height = 2400;
        var random = new Random(1);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var bubble = y > 200 && y % 260 < 190;
            var left = y / 260 % 2 == 0;
            for (var x = 0; x < width; x++)
            {
                var inBubble = bubble && (left ? x is > 40 and < 780 : x is > 300 and < 1040);
                // Text: short dark strokes on 40 px lines inside bubbles.
                var text = inBubble && y % 40 is > 12 and < 30 && (x / 9 + y / 40) % 7 != 0 && random.Next(4) != 0;
                var (r, g, b) = y < 180 ? (7, 94, 84) : text ? (40, 40, 40) : inBubble ? (left ? (255, 255, 255) : (220, 248, 198)) : (236, 229, 221);
                var at = (y * width + x) * 3;
                (pixels[at], pixels[at + 1], pixels[at + 2]) = ((byte)r, (byte)g, (byte)b);
            }
        }
        return Write(folder, "phone-1080x2400.png", pixels, width, height, ".png[compression=6]");
    }

    public static Input Photo(string folder)
    {
        const int width = 4000, height = 3000;
        var random = new Random(2);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var at = (y * width + x) * 3;
                // Sky-to-ground gradients with sensor noise: a JPEG of realistic size (a few MB at Q90).
                var noise = random.Next(-12, 13);
                pixels[at] = (byte)Math.Clamp(90 + y * 120 / height + (int)(40 * Math.Sin(x / 300.0)) + noise, 0, 255);
                pixels[at + 1] = (byte)Math.Clamp(140 + (int)(50 * Math.Cos((x + y) / 500.0)) + noise, 0, 255);
                pixels[at + 2] = (byte)Math.Clamp(220 - y * 150 / height + noise, 0, 255);
            }
        return Write(folder, "photo-4000x3000.jpg", pixels, width, height, ".jpg[Q=90]");
    }

    private static Input Write(string folder, string name, byte[] pixels, int width, int height, string suffix)
    {
        using var image = NetVips.Image.NewFromMemory(pixels, width, height, 3, NetVips.Enums.BandFormat.Uchar);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, image.WriteToBuffer(suffix));
        Console.Error.WriteLine($"{name}: {new FileInfo(path).Length / 1048576.0:0.0} MB");
        return new Input(name, path, width, height);
    }
}

internal static class ProcessingBench
{
    public static async Task<string> RunAsync(Input input, string folder, int runs)
    {
        var bytes = await File.ReadAllBytesAsync(input.Path);
        var processor = new ScreenshotProcessor(new MediaOptions());
        var self = typeof(Inputs).Assembly.Location;

        // The same renditions with libvips's own CLI: one vipsthumbnail per width and format (it makes one image per run).
        Console.Error.WriteLine($"{input.Name}: vipsthumbnail…");
        var output = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
        var commands = processor.TargetWidths(input.Width)
            .SelectMany(w => new[] { $"{w}.webp[Q=80,strip]", $"{w}.jpg[Q=85,optimize_coding,strip]" }.Select(format => (Width: w, Format: format)))
            .Select(c => new[] { input.Path, "--size", $"{c.Width}x", "-o", Path.Combine(output, "%s-" + c.Format) })
            .ToList();
        var vips = Enumerable.Range(0, runs).Select(_ =>
        {
            var all = commands.Select(arguments => Timed.Run("vipsthumbnail", arguments)).ToList();
            return new Timed(all.Sum(t => t.Milliseconds), all.Max(t => t.PeakKilobytes));
        }).ToList();
        var (vipsMs, vipsKb) = (Median(vips.Select(v => v.Milliseconds)), Median(vips.Select(v => (double)v.PeakKilobytes)));

        var rows = new List<string>();
        // bench/images/run sets MALLOC_ARENA_MAX=2 as the systemd unit in README does; one row shows glibc's default.
        var arenas = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        foreach (var (engine, label, make, environment) in new (string, string, Func<Task>, string?)[]
        {
            ("netvips", $"**NetVips 3.2 (ours)**, MALLOC_ARENA_MAX={arenas ?? "unset"}", () => processor.ProcessAsync(bytes, [], input.Name), arenas),
            ("netvips", "NetVips 3.2 (ours), glibc's default arenas", () => processor.ProcessAsync(bytes, [], input.Name), null),
            ("imagesharp", "ImageSharp 2.1.13", () => { ImageSharpRenditions.Make(bytes, processor); return Task.CompletedTask; }, arenas),
        })
        {
            Console.Error.WriteLine($"{input.Name}: {engine} in process…");
            await make(); // warm-up: JIT, library start
            var inProcess = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                await make();
                inProcess.Add(clock.Elapsed.TotalMilliseconds);
            }
            Console.Error.WriteLine($"{input.Name}: {engine} as a process…");
            var whole = Enumerable.Range(0, runs).Select(_ => Timed.Run("dotnet", [self, "once", engine, input.Path], ("MALLOC_ARENA_MAX", environment))).ToList();
            var (inMs, wholeMs, kb) = (Median(inProcess), Median(whole.Select(o => o.Milliseconds)), Median(whole.Select(o => (double)o.PeakKilobytes)));
            rows.Add(FormattableString.Invariant($"| {input.Name} | {label} | {inMs:0} ms | {wholeMs:0} ms | {kb / 1024:0} MB | {inMs / vipsMs:0.00} / {wholeMs / vipsMs:0.00} | {kb / vipsKb:0.00} |"));
        }
        rows.Add(FormattableString.Invariant($"| {input.Name} | vipsthumbnail ({commands.Count} runs) | | {vipsMs:0} ms | {vipsKb / 1024:0} MB | 1 | 1 |"));
        return string.Join('\n', rows);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// The same six files with SixLabors.ImageSharp 2.1.13 (decode once at full size — 2.x has no
/// shrink-on-load — turn upright, drop metadata, Lanczos3 to each width, WebP Q80 and JPEG Q85).
/// </summary>
internal static class ImageSharpRenditions
{
    public static void Make(byte[] bytes, ScreenshotProcessor widths)
    {
        using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(bytes);
        image.Mutate(x => x.AutoOrient());
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var width in widths.TargetWidths(image.Width))
        {
            using var sized = image.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));
            using var webp = new MemoryStream();
            sized.Save(webp, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { Quality = 80 });
            using var jpeg = new MemoryStream();
            sized.Save(jpeg, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 85 });
        }
    }
}

/// <summary>Wall time of a child process, and its peak resident memory as /usr/bin/time -v reports it.</summary>
internal sealed record Timed(double Milliseconds, long PeakKilobytes)
{
    public static Timed Run(string program, string[] arguments, (string Name, string? Value)? environment = null)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        if (environment is var (name, value))
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        foreach (var argument in new[] { "-v", program }.Concat(arguments)) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed:\n{errors}");
        var peak = errors.Split('\n').Single(l => l.Contains("Maximum resident set size", StringComparison.Ordinal)).Split(':')[1].Trim();
        return new Timed(elapsed, long.Parse(peak, CultureInfo.InvariantCulture));
    }
}

/// <summary>SimilarScreenshots.FindAsync over N screenshots with random hashes (plus a few planted near-copies of the query).</summary>
internal static class LookupBench
{
    public static async Task<string> RunAsync(int size, string folder)
    {
        Console.Error.WriteLine($"lookup over {size}: generating…");
        var path = Path.Combine(folder, $"lookup-{size}.db");
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={path}" }, folder);
        var options = builder.Options;
        var random = new Random(size);
        long NextHash() => random.NextInt64(long.MinValue, long.MaxValue);
        var query = NextHash();
        await using (var db = new AppDbContext(options))
        {
            await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            var now = DateTime.UtcNow;
            for (var batch = 0; batch < size; batch += 3000)
            {
                for (var i = batch; i < Math.Min(size, batch + 3000); i += 3)
                {
                    var advisory = new Advisory { Slug = $"a-{i}", Title = $"Advisory {i}", Summary = "s", Body = "b", CreatedAt = now, UpdatedAt = now, Status = AdvisoryStatus.Published };
                    for (var k = 0; k < 3 && i + k < size; k++)
                        advisory.Screenshots.Add(new Screenshot
                        {
                            Position = k, AltText = $"Screenshot {i + k} of a chat with a fake support account", Caption = "Forwarded by a reader",
                            Width = 1080, Height = 2400, PerceptualHash = (i + k) % 5000 == 0 ? query ^ (1L << random.Next(64)) : NextHash(),
                            Files = [new ScreenshotFile { FileName = $"{i + k:x32}.webp", ContentType = "image/webp", Width = 480, Height = 1067, Length = 30000 }],
                        });
                    db.Advisories.Add(advisory);
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        }

        Console.Error.WriteLine($"lookup over {size}: querying…");
        var times = new List<double>();
        var found = 0;
        for (var i = 0; i < 60; i++)
        {
            await using var db = new AppDbContext(options);
            var clock = Stopwatch.StartNew();
            var matches = await SimilarScreenshots.FindAsync(db, i % 2 == 0 ? query : NextHash(), Guid.NewGuid());
            if (i >= 10) times.Add(clock.Elapsed.TotalMilliseconds); // the first ten warm up
            found = Math.Max(found, matches.Count);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        times.Sort();
        return FormattableString.Invariant($"| {size:N0} | {ProcessingBench.Median(times):0.0} ms | {times[(int)(times.Count * 0.95) - 1]:0.0} ms | {times[^1]:0.0} ms |") + (found == 0 ? " (planted copies not found!)" : "");
    }
}
