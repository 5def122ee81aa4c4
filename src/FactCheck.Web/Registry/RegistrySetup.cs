namespace FactCheck;

public static class RegistrySetup
{
    /// <summary>The indicator registry, the full check (message, screenshot, look-alikes) and the tip line.</summary>
    public static IServiceCollection AddRegistryAndTips(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OfficialChannels>();
        services.AddScoped<RegistryRevisions>();
        services.AddScoped<RegistryFeed>();
        services.AddScoped<RegistryEditing>();
        services.AddScoped<RegistryCheck>();
        services.AddHostedService<RegistryStartup>();
        services.AddScoped<RegistryExport>();

        services.AddSingleton(configuration.GetSection("Ocr").Get<OcrOptions>() ?? new OcrOptions());
        services.AddSingleton<ScreenshotReader>();
        services.AddScoped<ScreenshotCheck>();
        services.AddOptions<TipOptions>().BindConfiguration("Tips");
        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddSingleton<ReaderLimits>();
        services.AddSingleton<TipFiles>();
        services.AddScoped<TipIntake>();
        services.AddScoped<TipSettings>();
        services.AddScoped<TipCleanup>();
        services.AddScoped<TipTriage>();
        services.AddScoped<TipReplies>();
        services.AddHostedService<TipRetention>();
        services.AddHostedService<TipReplySender>();
        return services;
    }
}
