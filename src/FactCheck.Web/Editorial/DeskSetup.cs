using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The desk working together: notes and assignments (<see cref="Desk"/>), notifications by e-mail and signed
/// webhook (Notifications/), and the platform and tag lists (<see cref="Taxonomy"/>).
/// </summary>
public static class DeskSetup
{
    public static WebApplicationBuilder AddDesk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NotificationOptions>().BindConfiguration("Notifications");
        services.AddScoped<Desk>();
        services.AddScoped<Taxonomy>();
        services.AddScoped<NotificationOutbox>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookPoster>();
        // Webhooks answer where they are: a redirect is not followed (it could lead the signed body anywhere).
        services.AddHttpClient(WebhookPoster.ClientName, (provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<NotificationOptions>>().Value.WebhookTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("FactCheck-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<NotificationSender>();
        return builder;
    }
}
