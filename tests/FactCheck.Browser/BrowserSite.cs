using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using FactCheck.Tests;

namespace FactCheck.Browser;

/// <summary>
/// The real site on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download is not used: CHROMIUM_PATH or /usr/bin/chromium is.
/// </summary>
public sealed class BrowserSite : SiteFactory, IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots and other artifacts a CI run keeps: {repository}/artifacts/browser.</summary>
    public static string ArtifactsPath { get; } = Directory.CreateDirectory(Path.Combine(ContentRoot.Locate(), "artifacts", "browser")).FullName;

    public async Task InitializeAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page in a phone-sized viewport (most readers are on phones).</summary>
    public async Task<IPage> NewPageAsync(int width = 390, int height = 844)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = true,
        });
        return await context.NewPageAsync();
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
