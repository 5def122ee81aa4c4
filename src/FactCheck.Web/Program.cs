using FactCheck;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json, wwwroot/ and content/: --contentRoot, or the published folder itself (see ContentRoot).
    ContentRootPath = ContentRoot.Choose(args),
});

// A data folder the site cannot write (read-only, full) or a database it cannot use ends start-up with
// one line that names it and says what to do, instead of a stack trace (Site/DataFolder.cs).
var dataPath = DataFolder.PathOf(builder);
if (DataFolder.Problem(dataPath, out var detail) is { } problem)
{
    Console.Error.WriteLine(DataFolder.StartupMessage(dataPath, problem, detail));
    return 1;
}

// Options, database, Markdown pipeline, media, content import, localization, MVC, health checks.
builder.AddFactCheck();
// Traces and metrics, when Telemetry:PrometheusUrl or OTEL_EXPORTER_OTLP_ENDPOINT says where to (Site/Telemetry.cs).
builder.AddTelemetry();

var app = builder.Build();

try
{
    // "import" and other commands run and exit instead of serving.
    if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;

    // Schema migrations, default rating scale, and the sample content on first start.
    await app.PrepareDatabaseAsync();
}
catch (Exception e) when (StorageProblems.Of(e) is { } storage)
{
    Console.Error.WriteLine(DataFolder.StartupMessage(dataPath, storage, e.Message));
    return 1;
}

// Error pages, security headers, static files, routing by language, health, controllers.
app.UseFactCheck();

await app.RunAsync();
return 0;

public partial class Program;
