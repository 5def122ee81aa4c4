namespace FactCheck;

/// <summary>Where telemetry goes (Telemetry section of the settings). Nothing is collected when neither is set.</summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Prometheus text is served at {this}/metrics by a listener of its own, never by the public site.
    /// Keep it on loopback or a private network (e.g. http://127.0.0.1:9464).
    /// </summary>
    public string? PrometheusUrl { get; set; }
}
