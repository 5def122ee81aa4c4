using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using FactCheck.Tests;

namespace FactCheck.Browser;

/// <summary>
/// The real site on Kestrel (loopback, a free port) and Debian's Chromium driven by Playwright.
/// Playwright's own browser download is not used: CHROMIUM_PATH or /usr/bin/chromium is.
/// </summary>
public class BrowserSite : SiteFactory, IAsyncLifetime
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

/// <summary>
/// <see cref="BrowserSite"/> for back-office tests. The Kestrel here speaks plain HTTP on loopback, and
/// outside Development the back-office cookies (and antiforgery) demand HTTPS, so this site runs as
/// Development — the only difference that makes is the cookies' Secure flag (Admin/BackOfficeSetup.cs).
/// </summary>
public sealed class BackOfficeBrowserSite : BrowserSite
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }

    public const string Password = "correct horse battery staple 42";

    /// <summary>A new back-office account in <paramref name="role"/>, signed in through the sign-in form, on a desktop-sized page.</summary>
    public async Task<IPage> SignedInPageAsync(string role, int width = 1280, int height = 900)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
            var user = new EditorUser { UserName = email, Email = email, DisplayName = $"{role} {email[..12]}", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/admin/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.TrimEnd('/') == "/admin");
        return page;
    }
}
