namespace FactCheck;

/// <summary>
/// After each start, renders in the background every advisory whose stored rendering is missing or was
/// made by another renderer version (a deployment that changed Markdown, sanitizer or bidi output).
/// Until a row is current its page is rendered on each uncached request, so nothing stale is shown meanwhile.
/// </summary>
public sealed class StaleRenderings(IServiceScopeFactory scopes, ILogger<StaleRenderings> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var count = await scope.ServiceProvider.GetRequiredService<AdvisoryRendering>().RenderStaleAsync(db, stoppingToken);
            if (count == 0) return;
            logger.LogInformation("Rendered {Count} advisories for renderer {Version}", count, RenderedHtml.Current);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Pages render from the advisory while their row is stale: slower, never wrong.
            logger.LogError(e, "Rendering stale advisories failed; their pages are rendered per request until the next start");
        }
    }
}
