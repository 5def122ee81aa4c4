using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Site;

/// <summary>The site with Telemetry:PrometheusUrl set, as an operator configures it.</summary>
public sealed class MetricsSite : SiteFactory
{
    public int MetricsPort { get; } = FreePort();

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new("Telemetry:PrometheusUrl", $"http://127.0.0.1:{MetricsPort}"));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

public class TelemetryTests(MetricsSite site) : IClassFixture<MetricsSite>
{
    [Fact]
    public async Task Prometheus_text_on_its_own_address_counts_requests_cache_lookups_searches_and_queries()
    {
        var client = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/")).StatusCode); // rendered: a miss
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/")).StatusCode); // from the output cache: a hit
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/en/search?q=whatsapp")).StatusCode);
        await site.Services.GetRequiredService<ScreenshotProcessor>().ProcessAsync(Media.TestImages.Png(64, 48, Media.TestImages.Pattern), []);

        // Not on the public site…
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
        // …but on the configured private address.
        using var scraper = new HttpClient();
        var text = await scraper.GetStringAsync($"http://127.0.0.1:{site.MetricsPort}/metrics");

        void Has(string pattern) => Assert.True(Regex.IsMatch(text, pattern, RegexOptions.Multiline), $"no line matching {pattern} in:\n{text}");
        Has(@"^http_server_request_duration_seconds_count\{[^}]*http_response_status_code=""200"",http_route=""\{lang:[^""]*\}/search""[^}]*\} [1-9]");
        Has(@"^factcheck_output_cache_lookups_total\{[^}]*result=""hit""[^}]*\} [1-9]");
        Has(@"^factcheck_output_cache_lookups_total\{[^}]*result=""miss""[^}]*\} [1-9]");
        Has(@"^factcheck_search_duration_milliseconds_count\{[^}]*\} [1-9]");
        Has(@"^factcheck_image_processing_duration_milliseconds_count\{[^}]*\} [1-9]");
        Has(@"^dotnet_gc_");
        Has(@"^microsoft_entityframeworkcore_queries_total\{[^}]*\} [1-9]");
    }
}
