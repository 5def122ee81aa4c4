using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using FactCheck.Tests.Admin;

namespace FactCheck.Tests.Site;

/// <summary>
/// With Cdn:PurgeUrl set, every committed change calls it with the changed URLs and surrogate keys, and
/// public responses carry the keys the CDN purges by. The CDN here is a real HTTP server on loopback.
/// </summary>
public sealed class CdnPurgeTests : IDisposable
{
    private readonly HttpListener cdn = new();
    private readonly Channel<(string Method, string? Authorization, JsonElement Body)> calls = Channel.CreateUnbounded<(string, string?, JsonElement)>();
    private readonly CdnSite site;

    private sealed class CdnSite(string purgeUrl) : BackOfficeSite
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings
            .Append(new("Site:PublicUrl", "https://fc.example"))
            .Append(new("Cdn:PurgeUrl", purgeUrl))
            .Append(new("Cdn:Headers:Authorization", "Bearer purge-token"));
    }

    public CdnPurgeTests()
    {
        var port = FreePort();
        cdn.Prefixes.Add($"http://127.0.0.1:{port}/");
        cdn.Start();
        _ = Task.Run(async () =>
        {
            while (cdn.IsListening)
            {
                HttpListenerContext context;
                try { context = await cdn.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using (var reader = new StreamReader(context.Request.InputStream))
                    calls.Writer.TryWrite((context.Request.HttpMethod, context.Request.Headers["Authorization"], JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        site = new CdnSite($"http://127.0.0.1:{port}/purge?keys={{keys}}");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [Fact]
    public async Task A_publish_purges_the_advisory_its_language_and_the_site_wide_documents()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "تحذير للتنظيف " + Guid.NewGuid().ToString("N")[..6];
        var id = await EditorSteps.CreateDraftAsync(editor, f => f.Set("Title", title));
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        var path = "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title));

        var key = ContentChange.AdvisoryKey(id);
        var call = await NextCallAsync(c => c.Body.GetProperty("urls").EnumerateArray().Any(u => u.GetString() == "https://fc.example" + path));
        Assert.Equal("POST", call.Method);
        Assert.Equal("Bearer purge-token", call.Authorization);
        var keys = call.Body.GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Equal([key, "lang-ar", "site-wide"], keys);
        Assert.Contains("https://fc.example/ar/feed.rss", call.Body.GetProperty("urls").EnumerateArray().Select(u => u.GetString()));

        // What the CDN stores carries the keys it is told to purge.
        var page = await site.Client().GetAsync(path);
        Assert.Equal(["public", "lang-ar", key], page.Headers.GetValues("Surrogate-Key").Single().Split(' '));
        Assert.Equal(["public", "site-wide"], (await site.Client().GetAsync("/sitemap.xml")).Headers.GetValues("Surrogate-Key").Single().Split(' '));
    }

    [Fact]
    public async Task Without_a_purge_url_public_responses_carry_no_surrogate_keys()
    {
        using var plain = new BackOfficeSite();
        var advisory = await plain.AddAdvisoryAsync(_ => { });
        var page = await plain.Client().GetAsync("/ar/advisories/" + advisory.Slug);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Surrogate-Key"));
    }

    private async Task<(string Method, string? Authorization, JsonElement Body)> NextCallAsync(Func<(string Method, string? Authorization, JsonElement Body), bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var call = await calls.Reader.ReadAsync(timeout.Token);
            if (wanted(call)) return call;
        }
    }

    public void Dispose()
    {
        site.Dispose();
        cdn.Close();
    }
}
