using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace FactCheck;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so it reads like a table of contents.</summary>
public static class SiteSetup
{
    public static WebApplicationBuilder AddFactCheck(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        services.AddOptions<SiteOptions>().BindConfiguration("Site").PostConfigure(site =>
        {
            // Relative paths in settings are relative to the repository (content) root, not the working directory.
            site.DataPath = Path.GetFullPath(site.DataPath, contentRoot);
            site.ContentPath = Path.GetFullPath(site.ContentPath, contentRoot);
        });
        var site = builder.Configuration.GetSection("Site").Get<SiteOptions>() ?? new SiteOptions();
        var dataPath = Path.GetFullPath(site.DataPath, contentRoot);
        Directory.CreateDirectory(dataPath);

        services.AddSingleton(TimeProvider.System);
        services.AddFactCheckDatabase(builder.Configuration, dataPath);
        services.AddSingleton<MarkdownRenderer>();
        // Bodies are rendered when saved and stored; stale renderings are redone after each start.
        services.AddSingleton<AdvisoryRendering>();
        services.AddHostedService<StaleRenderings>();
        // Bodies for readers, falling back to plain text (and telling the desk) when one cannot be rendered.
        services.AddSingleton<RenderProblems>();
        services.AddSingleton<BodyRendering>();
        services.AddSingleton(builder.Configuration.GetSection("Media").Get<MediaOptions>() ?? new MediaOptions());
        services.AddSingleton<ScreenshotProcessor>();
        // Public media files; several instances share them by mounting one folder at {DataPath}/media.
        services.AddSingleton<IMediaStore>(new LocalMediaStore(Path.Combine(dataPath, "media")));
        services.AddSingleton<MediaLibrary>();
        // Uploads wait privately for their redactions; abandoned ones are deleted hourly.
        services.AddSingleton<ScreenshotStaging>();
        services.AddHostedService<StagingCleanup>();
        // Files a crash left without a database row (or half-written) are removed after a grace period.
        services.AddSingleton<MediaSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<MediaSweep>());
        // Every write of an advisory's content, from the back-office or a content file, and what hears of it.
        services.AddScoped<AdvisoryWriter>();
        services.AddScoped<PublishingEvents>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentExporter>();
        // Share cards (1200×630, drawn with libvips text) and the rating scale's stylesheet.
        services.AddSingleton<ShareCards>();
        services.AddSingleton<VerdictStyles>();
        // Search lives in the site's own database: FTS5 on SQLite, a tsvector table on PostgreSQL.
        services.AddSingleton<SearchIndex>(builder.Configuration.GetSection("Database").Get<DatabaseOptions>()?.Provider == DatabaseProvider.Postgres
            ? new PostgresSearchIndex()
            : new SqliteSearchIndex());
        services.AddFeeds();
        // The indicator registry, message and screenshot checks, the tip line (Registry/, Tips/).
        services.AddRegistryAndTips(builder.Configuration);
        // Output cache, HTTP caching headers, compression (Site/PublicCaching.cs).
        services.AddPublicCaching();

        // No ResourcesPath: the .resx files sit beside SharedResource.cs, so their manifest name is FactCheck.SharedResource.
        services.AddLocalization();
        // Razor would otherwise write every Arabic or Cyrillic letter as an &#x…; entity, tripling page weight.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddControllersWithViews().AddViewLocalization();
        // Strict-Transport-Security on HTTPS responses outside Development (Site:Hsts, docs/security.md).
        var hsts = builder.Configuration.GetSection("Site:Hsts").Get<HstsSettings>() ?? new HstsSettings();
        services.AddSingleton(hsts);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(hsts.MaxAgeDays);
            options.IncludeSubDomains = hsts.IncludeSubDomains;
            options.Preload = hsts.Preload;
        });
        // Accounts, sign-in, antiforgery, role policies and the scheduler (BackOffice/BackOfficeSetup.cs).
        builder.AddBackOffice();
        // A locked database, a full disk or a read-only folder: a page that keeps the editor's text, not a 500.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(mvc => mvc.Filters.Add<StorageTroubleFilter>());
        // Notes, assignments, notifications by e-mail and signed webhook, platforms and tags (Editorial/DeskSetup.cs).
        builder.AddDesk();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database")
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck("images", () => ScreenshotProcessor.Unavailable is { } problem
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded(problem)
                : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy($"libvips {ScreenshotProcessor.LibraryVersion} (bundled with NetVips) ready"));
        return builder;
    }

    public static WebApplication UseFactCheck(this WebApplication app)
    {
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<HstsSettings>().Enabled) app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<HeadRequests>();
        app.UseRouting();
        // Output cache, cache headers and compression, then static files (so they are compressed too).
        app.UsePublicCaching();
        app.UseMediaFiles();
        app.UseRequestLocalization(LocalizationOptions());
        app.UseBackOffice();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// The UI language comes from the {lang} route segment only (never a cookie: public pages set none).
    /// Only the UI culture changes; machine formats always use the invariant culture explicitly.
    /// </summary>
    private static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = SiteLanguage.All.Select(l => l.Culture).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(System.Globalization.CultureInfo.InvariantCulture, SiteLanguage.Default.Culture),
            SupportedCultures = [System.Globalization.CultureInfo.InvariantCulture],
            SupportedUICultures = cultures,
            RequestCultureProviders = [new LanguageSegmentCultureProvider(), new BackOfficeLanguage.CultureProvider()],
        };
        return options;
    }

    private sealed class LanguageSegmentCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var segment = httpContext.Request.Path.Value?.Split('/', 3) is [_, var first, ..] ? first : null;
            var language = SiteLanguage.Find(segment);
            return Task.FromResult(language is null
                ? null
                : new ProviderCultureResult(System.Globalization.CultureInfo.InvariantCulture.Name, language.Culture.Name));
        }
    }

    /// <summary>Applies schema migrations, seeds the default rating scale, and imports content/ into an empty site.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // Tracing starts before the first query, not when the host starts: EF Core caches for a second
        // whether anyone listens to its diagnostics, so queries of the first requests would go untraced.
        app.Services.GetService<OpenTelemetry.Trace.TracerProvider>();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        await DefaultData.EnsureSeededAsync(db);
        var site = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (site.ImportContentOnStart && !await db.Advisories.AnyAsync())
            await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();
        await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildIfEmptyAsync(db);
        await app.PrepareBackOfficeAsync();
    }

    /// <summary>Runs a command-line command ("import") instead of the site. Returns the exit code, or null to serve.</summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        // A command is the first argument; options such as --urls follow the ASP.NET conventions.
        var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
        switch (command)
        {
            case null:
                return null;
            case "import":
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
                await DefaultData.EnsureSeededAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                // "import" reads Site:ContentPath; "import <folder>" another folder, such as an export.
                var folder = args.Length > 1 && !args[1].StartsWith('-') ? Path.GetFullPath(args[1]) : null;
                var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder);
                Console.WriteLine($"Imported {report.Imported} advisories.");
                foreach (var error in report.Errors) Console.Error.WriteLine(error);
                return report.Errors.Count == 0 ? 0 : 1;
            }
            case "export":
            {
                // Writes every advisory as a content file, with its screenshots, into the folder given (importable again).
                if (args.Length < 2 || args[1].StartsWith('-'))
                {
                    Console.Error.WriteLine("Usage: export <folder>");
                    return 2;
                }
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
                var count = await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(Path.GetFullPath(args[1]));
                Console.WriteLine($"Exported {count} advisories to {Path.GetFullPath(args[1])}.");
                return 0;
            }
            case "reindex":
            {
                // Rebuilds the full-text index from the published advisories (after a restore or a bulk change in SQL).
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
                var count = await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                Console.WriteLine($"Indexed {count} published advisories.");
                return 0;
            }
            case "schema":
            {
                // Prints the schema the EF model expects, for writing the next Data/Migrations script (see README).
                using var scope = app.Services.CreateScope();
                Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
                return 0;
            }
            case "create-admin":
                return await BackOfficeCommands.CreateAdminAsync(app, args);
            case "backup":
            {
                // Database first, then media, into a new folder (Site/Backup.cs, README "Backups"); the site may keep running.
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
                return await Backup.RunAsync(app.Services, args, Console.Out, Console.Error);
            }
            default:
                Console.Error.WriteLine($"Unknown command '{command}'. Commands: import, export, reindex, schema, create-admin, backup");
                return 2;
        }
    }
}
