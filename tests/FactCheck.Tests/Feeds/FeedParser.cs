using System.Diagnostics;
using System.Text.Json;

namespace FactCheck.Tests.Feeds;

/// <summary>
/// Debian's python3-feedparser — the parser many feed readers are built on — run on the bytes we
/// serve, with the Content-Type we serve them with. script/test installs the package.
/// </summary>
internal static class FeedParser
{
    private const string Script = """
        import sys, json, feedparser
        data = sys.stdin.buffer.read()
        d = feedparser.parse(data, response_headers={'content-type': sys.argv[1]})
        print(json.dumps({
            'bozo': int(d.bozo),
            'exception': repr(d.get('bozo_exception')) if d.bozo else None,
            'version': d.version,
            'title': d.feed.get('title'),
            'language': d.feed.get('language'),
            'entries': [{
                'id': e.get('id'), 'link': e.get('link'), 'title': e.get('title'),
                'published': e.get('published'), 'updated': e.get('updated'),
                'enclosures': [{'href': x.get('href'), 'length': x.get('length'), 'type': x.get('type')} for x in e.get('enclosures', [])],
                'tags': [t.get('term') for t in e.get('tags', [])],
            } for e in d.entries],
        }))
        """;

    public sealed record Result(int Bozo, string? Exception, string Version, string? Title, string? Language, IReadOnlyList<Entry> Entries);
    public sealed record Entry(string? Id, string? Link, string? Title, string? Published, string? Updated, IReadOnlyList<Enclosure> Enclosures, IReadOnlyList<string?> Tags);
    public sealed record Enclosure(string? Href, string? Length, string? Type);

    public static async Task<Result> ParseAsync(byte[] body, string contentType)
    {
        // The Debian package is installed for Debian's interpreter, which another python3 on PATH may shadow.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(contentType);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(body);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"feedparser failed (is python3-feedparser installed? script/test installs it): {await error}");
        return JsonSerializer.Deserialize<Result>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
