using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

// Usage: compression <file>...   (uncompressed response bodies, e.g. saved by bench/run)
// For each file and each Brotli quality and gzip level: compressed size and the median time of one
// compression (a fresh encoder each time, as ResponseCompression does per response), as a Markdown table.
const int Runs = 200;
Console.WriteLine("| response | coding | level | bytes | % of identity | µs per compression (median) |");
Console.WriteLine("|---|---|---:|---:|---:|---:|");
foreach (var file in args)
{
    var bytes = File.ReadAllBytes(file);
    Console.WriteLine(Row(file, "identity", "", bytes.Length, bytes.Length, 0));
    foreach (var quality in new[] { 1, 2, 3, 4, 5, 6, 7, 9, 11 })
        Measure(file, "br", quality, bytes, output => new BrotliStream(output, new BrotliCompressionOptions { Quality = quality }));
    foreach (var level in new[] { 1, 3, 5, 6, 9 })
        Measure(file, "gzip", level, bytes, output => new GZipStream(output, new ZLibCompressionOptions { CompressionLevel = level }));
}

static void Measure(string file, string coding, int level, byte[] input, Func<Stream, Stream> encoder)
{
    var times = new List<double>();
    long size = 0;
    for (var run = 0; run < Runs + 20; run++)
    {
        var output = new MemoryStream();
        var watch = Stopwatch.StartNew();
        using (var stream = encoder(output)) stream.Write(input);
        watch.Stop();
        size = output.ToArray().Length; // ToArray works on the closed stream
        if (run >= 20) times.Add(watch.Elapsed.TotalMicroseconds);
    }
    times.Sort();
    Console.WriteLine(Row(file, coding, level.ToString(CultureInfo.InvariantCulture), size, input.Length, times[times.Count / 2]));
}

static string Row(string file, string coding, string level, long size, long identity, double micros) =>
    string.Create(CultureInfo.InvariantCulture,
        $"| {Path.GetFileName(file)} | {coding} | {level} | {size} | {100.0 * size / identity:0.0} | {(micros > 0 ? micros.ToString("0", CultureInfo.InvariantCulture) : "")} |");
