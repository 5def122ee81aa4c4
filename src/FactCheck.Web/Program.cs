using FactCheck;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json, wwwroot/ and content/: --contentRoot, or the published folder itself (see ContentRoot).
    ContentRootPath = ContentRoot.Choose(args),
});

// Options, database, Markdown pipeline, media, content import, localization, MVC, health checks.
builder.AddFactCheck();
// Traces and metrics, when Telemetry:PrometheusUrl or OTEL_EXPORTER_OTLP_ENDPOINT says where to (Site/Telemetry.cs).
builder.AddTelemetry();

var app = builder.Build();

// "import" and other commands run and exit instead of serving.
if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;

// Schema migrations, default rating scale, and the sample content on first start.
await app.PrepareDatabaseAsync();

// Error pages, security headers, static files, routing by language, health, controllers.
app.UseFactCheck();

await app.RunAsync();
return 0;

public partial class Program;
