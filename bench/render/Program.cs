using System.Diagnostics;
using System.Globalization;
using FactCheck;

// Bodies an editor can type (all within AdvisoryRules.BodyMax), each rendered three times after a
// warm-up; the median is reported. The heading-id pass was quadratic in the number of equal headings.
const int runs = 3;
var limit = AdvisoryRules.BodyMax;
var bodies = new (string Name, string Body)[]
{
    ("8,000 identical headings", Repeat("## x\n", 8_000)),
    ("9,999 identical headings (just under MaxBlocks)", Repeat("## x\n", 9_999)),
    ("16,000 identical headings", Repeat("## x\n", 16_000)),
    ("maximum body of identical headings", Fill("## x\n")),
    ("maximum body of distinct headings", FillWith(i => $"## h{i}\n")),
    ("maximum body of Arabic prose with Latin, numbers, links", Fill("اتصل على +966 11 234 5678 أو زر example.com/ar الآن. ")),
    ("maximum body of a pipe table", "|a|b|\n|-|-|\n" + Fill("|x|y|\n")[13..]),
    ("maximum body of links", Fill("[a](https://example.com) ")),
    ("quotes nested 1,000 deep", new string('>', 1_000) + " x"),
    ("a typical advisory (2 KB)", Repeat("## ما الذي يحدث\n\nتصل رسالة تطلب **رمز التحقق** عبر WhatsApp.\n\n- لا تشارك الرمز\n\n", 20)),
};

var renderer = new MarkdownRenderer();
renderer.Render(bodies[^1].Body, TextDirection.Rtl);
Console.WriteLine($"Render benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg")[..14]}");
Console.WriteLine();
Console.WriteLine("| body | characters | outcome | median ms (wall) | median ms (CPU) |");
Console.WriteLine("|---|---:|---|---:|---:|");
var process = Process.GetCurrentProcess();
foreach (var (name, body) in bodies)
{
    var wall = new List<double>();
    var cpu = new List<double>();
    var outcome = "rendered";
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        try { renderer.Render(body, TextDirection.Rtl); }
        catch (BodyTooComplexException) { outcome = "refused: too many blocks"; }
        catch (ArgumentException) { outcome = "refused by Markdig: nested too deep"; }
        wall.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }
    wall.Sort();
    cpu.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {body.Length:N0} | {outcome} | {wall[runs / 2]:0} | {cpu[runs / 2]:0} |"));
}

string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
string Fill(string text) => Repeat(text, limit / text.Length)[..Math.Min(limit, text.Length * (limit / text.Length))];
string FillWith(Func<int, string> line)
{
    var builder = new System.Text.StringBuilder();
    for (var i = 0; builder.Length < limit - 20; i++) builder.Append(line(i));
    return builder.ToString();
}
