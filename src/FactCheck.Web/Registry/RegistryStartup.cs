namespace FactCheck;

/// <summary>At start, adds the registry entries missing for published advisories (before the server takes requests).</summary>
public sealed class RegistryStartup(IServiceScopeFactory scopes, ILogger<RegistryStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var added = await scope.ServiceProvider.GetRequiredService<RegistryFeed>().AddMissingAsync(cancellationToken);
        if (added > 0) logger.LogInformation("Added {Count} indicators of published advisories to the registry", added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
