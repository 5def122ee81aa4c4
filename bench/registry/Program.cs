using System.Diagnostics;
using System.Globalization;
using System.Text;
using FactCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: run [indicators]   (default: 100000)
var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var folder = Path.Combine(Path.GetTempPath(), "factcheck-bench-registry", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var builder = new DbContextOptionsBuilder<AppDbContext>();
    DatabaseSetup.Configure(builder, new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}" }, folder);
    var options = builder.Options;
    await using (var db = new AppDbContext(options))
    {
        await new SchemaMigrator(db, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await DefaultData.EnsureSeededAsync(db);
    }
    var report = new StringBuilder();
    report.Append(CultureInfo.InvariantCulture, $"Registry benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}\n\n");
    var seeded = await RegistryCorpus.SeedAsync(options, size);
    await RegistryCorpus.MeasureChecksAsync(options, seeded, report);
    await RegistryCorpus.MeasureOcrAsync(report);
    Console.WriteLine();
    Console.WriteLine(report);
}
finally
{
    Directory.Delete(folder, recursive: true);
}

internal sealed record Seeded(int Indicators, TimeSpan SeedTime, List<string> KnownPhones, List<string> KnownHandles, List<string> KnownDomains, List<string> OfficialHandles);

internal static class RegistryCorpus
{
    private const int Messages = 500;
    private const int Warmup = 50;

    /// <summary>
    /// N registry entries (phones 40 %, links 25 %, domains 15 %, handles 15 %, wallets 5 %), each with one to three
    /// statuses; 1 % official channels of 200 organisations; every tenth entry also listed by a published advisory.
    /// </summary>
    public static async Task<Seeded> SeedAsync(DbContextOptions<AppDbContext> options, int size)
    {
        Console.Error.WriteLine($"{size}: seeding…");
        var clock = Stopwatch.StartNew();
        var random = new Random(20251204);
        var phones = new List<string>();
        var handles = new List<string>();
        var domains = new List<string>();
        var officials = new List<string>();
        await using var db = new AppDbContext(options);
        var organisations = Enumerable.Range(1, 200).Select(i => new Organisation { Key = $"org-{i}", Name = $"Organisation {i}" }).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        for (var batch = 0; batch * 5000 < size; batch++)
        {
            var advisory = new Advisory
            {
                Kind = AdvisoryKind.Alert, Language = "ar", Slug = $"bench-{batch}", Title = $"Bench {batch}", Summary = "s", Body = "b",
                Status = AdvisoryStatus.Published, CreatedAt = now, PublishedAt = now, UpdatedAt = now,
            };
            db.Advisories.Add(advisory);
            for (var i = batch * 5000; i < Math.Min(size, (batch + 1) * 5000); i++)
            {
                var (type, value) = (i % 20) switch
                {
                    < 8 => (IndicatorType.Phone, "+3809" + (10000000 + i).ToString(CultureInfo.InvariantCulture)),
                    < 13 => (IndicatorType.Url, $"https://scam-{i}.example/login/{i % 97}"),
                    < 16 => (IndicatorType.Domain, $"scam-domain-{i}.example"),
                    < 19 => (IndicatorType.Handle, i % 100 == 16 ? $"@{Official(i)}" : $"@bank_help_{i}_bot"),
                    _ => (IndicatorType.Wallet, "bc1q" + Convert.ToHexStringLower(BitConverter.GetBytes((long)i * 7919)) + "x9k2m"),
                };
                var entry = new RegistryEntry
                {
                    Type = type, Value = value, PhoneKey = type == IndicatorType.Phone ? IndicatorNormalizer.PhoneLookupKey(value) : null,
                    CreatedAt = now, UpdatedAt = now, Version = 1,
                };
                var official = i % 100 == 16; // 1 %, all handles (i % 20 == 16)
                entry.History.Add(new StatusRecord
                {
                    Status = official ? ChannelStatus.Official : ChannelStatus.Malicious, Since = new DateOnly(2024, 1, 1).AddDays(i % 600),
                    OrganisationId = official ? organisations[i % 200].Id : null, Channel = official ? "support" : null, RecordedAt = now, RecordedBy = "bench",
                });
                if (i % 3 == 0)
                    entry.History.Add(new StatusRecord { Status = official ? ChannelStatus.Abandoned : ChannelStatus.Unknown, Since = new DateOnly(2025, 6, 1), RecordedAt = now, RecordedBy = "bench",
                        OrganisationId = official ? organisations[i % 200].Id : null });
                if (official && i % 3 == 0)
                    entry.History.Add(new StatusRecord { Status = ChannelStatus.Official, Since = new DateOnly(2025, 9, 1), OrganisationId = organisations[i % 200].Id, RecordedAt = now, RecordedBy = "bench" });
                db.RegistryEntries.Add(entry);
                if (i % 10 == 0) advisory.Indicators.Add(new Indicator { Type = type, Raw = value, Normalized = value });
                if (type == IndicatorType.Phone) phones.Add(value);
                if (type == IndicatorType.Handle) (official ? officials : handles).Add(value);
                if (type == IndicatorType.Domain) domains.Add(value);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        return new Seeded(size, clock.Elapsed, phones, handles, domains, officials);
    }

    /// <summary>A forwarded message of about 2 KB: prose in three languages around about ten indicators, known and new.</summary>
    private static string Message(Random random, Seeded seeded)
    {
        string[] prose =
        [
            "عزيزي العميل، تم تعليق حسابك بسبب نشاط غير معتاد، يرجى التحقق فورًا لتجنب الإغلاق النهائي. ",
            "Шановний клієнте, ваш рахунок тимчасово заблоковано. Для відновлення доступу підтвердіть дані протягом 24 годин. ",
            "Dear customer, your parcel is waiting at the depot; a small customs fee of 1.99 is due before delivery today. ",
        ];
        var text = new StringBuilder();
        while (text.Length < 2000)
        {
            text.Append(prose[random.Next(prose.Length)]);
            var known = seeded.KnownPhones[random.Next(seeded.KnownPhones.Count)];
            text.Append(random.Next(4) switch
            {
                0 => "اتصل على " + ToArabicDigits("0" + known[4..]) + " ",
                1 => $"Телефон: {known[..4]} {known[4..6]} {known[6..9]} {known[9..]} ",
                2 => $"hxxps://{seeded.KnownDomains[random.Next(seeded.KnownDomains.Count)]}/verify?id={random.Next(99999)} ",
                _ => seeded.KnownHandles[random.Next(seeded.KnownHandles.Count)] + " ",
            });
            if (random.Next(3) == 0) text.Append(CultureInfo.InvariantCulture, $"new-{random.Next(1_000_000)}[.]example +44 7700 9{random.Next(10000, 99999)} ");
            if (random.Next(4) == 0) text.Append('@').Append(seeded.OfficialHandles[random.Next(seeded.OfficialHandles.Count)][1..].Replace('e', 'е')).Append(' ');
        }
        return text.ToString(0, Math.Min(text.Length, 2048));
    }

    /// <summary>Official handles that look like real ones: distinct words, not numbered copies of one name.</summary>
    private static string Official(int i)
    {
        string[] first = ["privat", "mono", "oschad", "reserve", "diia", "nova", "ukr", "raiffeisen", "sense", "pumb", "alfa", "credit", "izi", "city", "poshta"];
        string[] second = ["bank", "support", "help", "official", "plus", "pay", "care", "desk", "service", "info"];
        var n = i / 100;
        return $"{first[n % first.Length]}{second[n / first.Length % second.Length]}{(n >= first.Length * second.Length ? n.ToString(CultureInfo.InvariantCulture) : "")}_bot";
    }

    private static string ToArabicDigits(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('٠' + (c - '0')) : c));

    public static async Task MeasureChecksAsync(DbContextOptions<AppDbContext> options, Seeded seeded, StringBuilder report)
    {
        Console.Error.WriteLine("checking messages…");
        var random = new Random(7);
        var officials = new OfficialChannels(TimeProvider.System);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var times = new List<double>();
        var cpu = new List<double>();
        var extraction = new List<double>();
        var answers = new List<int>();
        var lookAlikes = 0;
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < Warmup + Messages; i++)
        {
            var message = Message(random, seeded);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            // What POST /{lang}/check/message does: a request's own DbContext, extraction, the registry answer.
            await using var db = new AppDbContext(options);
            var candidates = IndicatorNormalizer.MessageCandidates(message);
            var extracted = clock.Elapsed.TotalMilliseconds;
            var result = await new RegistryCheck(db, officials).AnswerAsync(candidates, today);
            clock.Stop();
            process.Refresh();
            if (i < Warmup) continue;
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            extraction.Add(extracted);
            answers.Add(result.Count);
            lookAlikes += result.Count(a => a.LooksLike.Count > 0);
        }
        static double P(List<double> values, double q)
        {
            var sorted = values.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        }
        report.Append(CultureInfo.InvariantCulture, $"### Check of a pasted 2 KB message at {seeded.Indicators:N0} registry indicators\n\n");
        report.Append(CultureInfo.InvariantCulture, $"Seeded in {seeded.SeedTime.TotalSeconds:0} s. {Messages} messages of 2,000–2,048 characters after {Warmup} warm-up, ");
        report.Append(CultureInfo.InvariantCulture, $"{answers.Average():0.0} indicators answered per message (min {answers.Min()}, max {answers.Max()}), {lookAlikes} look-alikes flagged. ");
        report.Append(CultureInfo.InvariantCulture, $"Load average before the run: {LoadAverage()}.\n\n");
        report.Append("| | p50 | p95 | p99 | max |\n|---|---|---|---|---|\n");
        foreach (var (name, values) in new[] { ("wall time, whole check", times), ("CPU time of the process, whole check", cpu), ("wall time, extraction only", extraction) })
            report.Append(CultureInfo.InvariantCulture, $"| {name} | {P(values, 0.50):0.0} ms | {P(values, 0.95):0.0} ms | {P(values, 0.99):0.0} ms | {values.Max():0.0} ms |\n");
        report.Append('\n');
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    public static async Task MeasureOcrAsync(StringBuilder report)
    {
        Console.Error.WriteLine("OCR…");
        var png = Screenshot();
        var processor = new ScreenshotProcessor(new MediaOptions());
        var reader = new ScreenshotReader(new OcrOptions(), NullLogger<ScreenshotReader>.Instance);
        var stage = new List<double>();
        var ocr = new List<double>();
        string? text = null;
        for (var i = 0; i < 4; i++)
        {
            var clock = Stopwatch.StartNew();
            var staged = await processor.StageAsync(png, "shot.png");
            stage.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            text = await reader.ReadAsync(staged.Png);
            ocr.Add(clock.Elapsed.TotalMilliseconds);
        }
        var candidates = text is null ? [] : IndicatorNormalizer.MessageCandidates(text.Length > 10_000 ? text[..10_000] : text);
        report.Append("### OCR of a 1080 × 2400 screenshot\n\n");
        report.Append(CultureInfo.InvariantCulture, $"A chat screenshot drawn by ImageMagick (Noto Sans and Noto Naskh Arabic, 30 px, {Lines.Length} lines of Ukrainian, English and Arabic), ");
        report.Append(CultureInfo.InvariantCulture, $"{png.Length / 1024} KB PNG; first run, then three more. tesseract `-l ukr+eng+ara --psm 3`, OMP_THREAD_LIMIT=1. ");
        report.Append(CultureInfo.InvariantCulture, $"It read {text?.Length ?? 0} characters and {candidates.Count} indicators ({string.Join(", ", candidates.Select(c => c.Value))}).\n\n");
        report.Append("| step | run 1 | runs 2–4 (mean) |\n|---|---|---|\n");
        report.Append(CultureInfo.InvariantCulture, $"| decode, strip metadata, hash (`ScreenshotProcessor.StageAsync`) | {stage[0]:0} ms | {stage.Skip(1).Average():0} ms |\n");
        report.Append(CultureInfo.InvariantCulture, $"| OCR (`ScreenshotReader.ReadAsync`) | {ocr[0]:0} ms | {ocr.Skip(1).Average():0} ms |\n\n");
    }

    private static readonly string[] Lines =
    [
        "Служба підтримки Резерв+", "Ваш запис про відстрочку могли втратити через збій.", "Пройдіть повторну верифікацію сьогодні:",
        "Пишіть нам: @reserveplus_help_desk", "Тел. +380 67 000 01 52", "hxxps://reserve-plus-help[.]example/verify",
        "Dear customer, your account is on hold.", "Call +44 7700 900461 or reply with the code.", "Visit bank-verify.example/login now",
        "عزيزي العميل، تم إيقاف بطاقتك مؤقتًا", "اتصل بالدعم على الرقم 0501234567", "أرسل رمز التحقق إلى الدعم الآن",
    ];

    /// <summary>1080 × 2400 like a phone: a header bar, then alternating message bubbles (ImageMagick with Pango).</summary>
    private static byte[] Screenshot()
    {
        var folder = Directory.CreateTempSubdirectory("factcheck-bench-ocr").FullName;
        try
        {
            var markup = new StringBuilder();
            for (var i = 0; i < 36; i++)
            {
                var line = Lines[i % Lines.Length];
                var font = line.Any(c => c is >= '\u0600' and <= '\u06ff') ? "Noto Naskh Arabic" : "Noto Sans";
                markup.Append(CultureInfo.InvariantCulture, $"<span font='{font} 22'>{System.Security.SecurityElement.Escape(line)}</span>\n");
            }
            var text = Path.Combine(folder, "text.png");
            Run("-size", "1000x", "-background", "#ece5dd", $"pango:{markup}", text);
            var shot = Path.Combine(folder, "shot.png");
            Run("-size", "1080x2400", "xc:#ece5dd", "-fill", "#075e54", "-draw", "rectangle 0,0 1080,160", text, "-geometry", "+40+200", "-composite", shot);
            return File.ReadAllBytes(shot);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/convert");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("convert failed");
    }
}
