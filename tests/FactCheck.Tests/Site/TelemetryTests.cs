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

    public static int FreePort()
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

/// <summary>The site exporting over OTLP (HTTP/protobuf) to <paramref name="endpoint"/>, set the standard way.</summary>
public sealed class OtlpSite(string endpoint) : SiteFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings
            .Append(new("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint))
            .Append(new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
}

public class OtlpTests
{
    [Fact]
    public async Task Traces_of_requests_and_queries_reach_an_OTLP_collector_when_one_is_configured()
    {
        // A stand-in collector: it accepts what is posted and keeps it.
        var port = MetricsSite.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new System.Collections.Concurrent.ConcurrentQueue<(string Path, string Body)>();
        var accepting = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, System.Text.Encoding.Latin1.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        await using (var site = new OtlpSite($"http://127.0.0.1:{port}"))
        {
            Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/en/search?q=whatsapp")).StatusCode);
            // Sent now, with all the time a loaded machine needs (stopping the site flushes too, within the host's shutdown timeout).
            Assert.True(OpenTelemetry.Trace.TracerProviderExtensions.ForceFlush(site.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>(), 120_000));
            Assert.True(OpenTelemetry.Metrics.MeterProviderExtensions.ForceFlush(site.Services.GetRequiredService<OpenTelemetry.Metrics.MeterProvider>(), 120_000));
        }
        collector.Stop();
        await accepting;

        var traces = string.Concat(received.Where(r => r.Path == "/v1/traces").Select(r => r.Body));
        Assert.Contains(Telemetry.ServiceName, traces, StringComparison.Ordinal);   // the resource
        Assert.Contains("/search", traces, StringComparison.Ordinal);               // the request's route
        Assert.Contains("SELECT", traces, StringComparison.Ordinal);                // an EF Core query inside it
        Assert.Contains(received, r => r.Path == "/v1/metrics");
    }
}
