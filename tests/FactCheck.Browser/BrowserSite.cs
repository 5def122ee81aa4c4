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
    public static string ArtifactsPath { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "browser")).FullName;

    public async Task InitializeAsync()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal));

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
        return await PageWithPatienceAsync(context);
    }

    // ---- Back-office (BackOfficeTests): an HTTPS port and editor accounts -------------------------

    public const string EditorPassword = "correct horse battery staple 42";

    /// <summary>
    /// The same site on a second loopback port over HTTPS (a throwaway certificate): outside Development
    /// the back-office cookies are Secure and antiforgery refuses plain HTTP, exactly as in production.
    /// </summary>
    public string SecureBaseUrl =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificate.Localhost)));
    }

    /// <summary>A back-office account in <paramref name="role"/> with <see cref="EditorPassword"/>; returns its e-mail address.</summary>
    public async Task<string> CreateEditorAsync(string role = EditorRoles.Editor, string? displayName = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        var user = new EditorUser { UserName = email, Email = email, DisplayName = displayName ?? email, CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, EditorPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>A fresh browser (its own cookies) on the HTTPS port, whose language is <paramref name="language"/>.</summary>
    public async Task<IPage> NewBackOfficePageAsync(string language = "ar", int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = SecureBaseUrl,
            IgnoreHTTPSErrors = true,
            Locale = language,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return await PageWithPatienceAsync(context);
    }

    /// <summary>A new account in <paramref name="role"/>, signed in through the real form, on the HTTPS port.</summary>
    public async Task<IPage> SignedInPageAsync(string role, string language = "ar", int width = 1280, int height = 900) =>
        await SignInAsync(await CreateEditorAsync(role), language, width, height);

    /// <summary>A fresh browser signed in as <paramref name="email"/> (an account made by <see cref="CreateEditorAsync"/>).</summary>
    public async Task<IPage> SignInAsync(string email, string language, int width = 1280, int height = 900)
    {
        var page = await NewBackOfficePageAsync(language, width, height);
        await page.GotoAsync("/admin/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", EditorPassword);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.TrimEnd('/') == "/admin");
        return page;
    }

    /// <summary>
    /// Playwright's 30 s default is for waiting on what a page does, not a measure of speed; a CI machine
    /// with two loaded cores can take longer for a first, cold request. Speed is measured in bench/.
    /// </summary>
    private static async Task<IPage> PageWithPatienceAsync(IBrowserContext context)
    {
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    public new async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}

