namespace FactCheck;

public static class FeedsSetup
{
    /// <summary>Feeds, CAP alerts, sitemap and indicator export (their controllers are found by MVC).</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services)
    {
        services.AddScoped<FeedBuilder>();
        services.AddScoped<CapAlerts>();
        return services;
    }
}
