using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FactCheck;

/// <summary>
/// Traces and metrics with OpenTelemetry: requests (ASP.NET Core), outgoing HTTP, EF Core queries, the .NET
/// runtime, and <see cref="SiteMetrics"/>. Metrics go to Prometheus when Telemetry:PrometheusUrl is set;
/// traces and metrics go over OTLP when the standard OTEL_EXPORTER_OTLP_ENDPOINT is set (environment or
/// settings, with OTEL_EXPORTER_OTLP_PROTOCOL and the other OTEL_* variables read by the exporter itself).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "factcheck";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var prometheus = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>()?.PrometheusUrl;
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.IsNullOrWhiteSpace(prometheus) && !otlp) return builder; // nowhere to send it: collect nothing

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore", SiteMetrics.MeterName);
            if (!string.IsNullOrWhiteSpace(prometheus))
            {
                var address = new Uri(prometheus);
                metrics.AddPrometheusHttpListener(listener => (listener.Host, listener.Port) = (address.Host, address.Port));
            }
            if (otlp) metrics.AddOtlpExporter();
        });
        // Traces need somewhere to be read: only with OTLP.
        if (otlp)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        return builder;
    }
}
