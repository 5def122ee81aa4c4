using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The back-office: Identity accounts, cookies confined to /admin (public pages stay cookie-free),
/// global antiforgery, sign-in rate limiting, role policies, and the scheduler.
/// </summary>
public static class BackOfficeSetup
{
    /// <summary>Every back-office page lives under this path, and so do its cookies.</summary>
    public const string PathBase = "/admin";
    /// <summary>The MVC area of every back-office controller: its views live in Areas/Admin/Views/.</summary>
    public const string Area = "Admin";
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BackOfficeOptions>().BindConfiguration("BackOffice");
        var options = builder.Configuration.GetSection("BackOffice").Get<BackOfficeOptions>() ?? new BackOfficeOptions();
        // Over plain HTTP only on a developer's machine; everywhere else the cookies need HTTPS.
        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

        services.AddIdentity<EditorUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 12;
                // Length and the common-password list do the work; composition rules only make passwords predictable.
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
                identity.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<EditorSignInManager>()
            .AddClaimsPrincipalFactory<EditorClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<CommonPasswordValidator>();
        services.Configure<PasswordHasherOptions>(hasher =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            hasher.IterationCount = Math.Max(210_000, options.PasswordHashIterations);
        });
        // Every request re-checks the security stamp, so a password change, a disabled account or a
        // role change ends the other sessions at once (one small query per back-office request).
        services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            stamp.ValidationInterval = TimeSpan.Zero;
            stamp.OnRefreshingPrincipal = EditorSessions.KeepSessionClaim;
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "factcheck-admin";
            cookie.Cookie.Path = PathBase;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = PathBase + "/sign-in";
            cookie.LogoutPath = PathBase + "/sign-out";
            cookie.AccessDeniedPath = PathBase + "/denied";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = EditorSessions.IdleLimit;
            cookie.SlidingExpiration = true;
            // Each cookie names a server-side session (EditorSessions): an ended one is refused before the
            // security stamp is even checked, so signing out (or an Admin) ends that cookie everywhere.
            var checkStamp = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                await EditorSessions.ValidateAsync(context);
                if (context.Principal is not null) await checkStamp(context);
            };
        });
        // The intermediate cookies of a two-factor sign-in stay under /admin too.
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
            services.Configure<CookieAuthenticationOptions>(scheme, cookie =>
            {
                cookie.Cookie.Path = PathBase;
                cookie.Cookie.SecurePolicy = secure;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
            });

        // Sign-in cookies, antiforgery tokens and two-factor cookies are encrypted with the data-protection
        // key ring. Kept in the database (not in a folder of one machine), every instance of the site on that
        // database reads and writes the same keys, so a cookie issued by one instance is accepted by the
        // others. The fixed application name keeps the keys usable whatever folder an instance runs from.
        services.AddDataProtection().SetApplicationName("FactCheck").PersistKeysToDbContext<AppDbContext>();

        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "factcheck-antiforgery";
            antiforgery.Cookie.Path = PathBase;
            antiforgery.Cookie.SecurePolicy = secure;
        });
        // Every unsafe request (POST…) anywhere must carry a valid antiforgery token.
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));

        services.AddAuthorizationBuilder()
            .AddPolicy(Can.Write, policy => policy.RequireRole(EditorRoles.Admin, EditorRoles.Editor, EditorRoles.Contributor))
            .AddPolicy(Can.Publish, policy => policy.RequireRole(EditorRoles.Admin, EditorRoles.Editor))
            .AddPolicy(Can.Share, policy => policy.RequireRole(EditorRoles.Admin, EditorRoles.Editor))
            .AddPolicy(Can.Administer, policy => policy.RequireRole(EditorRoles.Admin));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<BackOfficeOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await rejected.HttpContext.Response.WriteAsync(text["Admin.SignIn.TooMany"], cancellationToken);
            };
        });

        services.AddHttpContextAccessor();
        services.AddSingleton<FirstAdminSetup>();
        services.AddScoped<AuditLog>();
        services.AddScoped<EditorSessions>();
        services.AddScoped<BackOfficeSettings>();
        services.AddScoped<AdvisoryEditing>();
        services.AddScoped<AdvisoryWorkflow>();
        services.AddScoped<AdvisoryTranslations>();
        services.AddScoped<Autosaves>();
        services.AddScoped<DatabaseLease>();
        services.AddHostedService<ScheduledPublisher>();
        return builder;
    }

    /// <summary>HTTPS only, then authentication, then rate limiting (it reads the endpoint), then authorization.</summary>
    public static WebApplication UseBackOffice(this WebApplication app)
    {
        BackOfficeHttps.Use(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Creates the roles, and with no account yet, prints the one-time setup link once the server listens.</summary>
    public static async Task PrepareBackOfficeAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await EnsureRolesAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        if (users.Users.Any()) return;

        var setup = app.Services.GetRequiredService<FirstAdminSetup>();
        var token = setup.CreateToken();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var site = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
            // The back-office needs HTTPS (BackOfficeHttps): the link names the server's HTTPS address when it has one.
            var baseUrl = site.PublicUrl?.TrimEnd('/')
                ?? (app.Urls.FirstOrDefault(u => u.StartsWith("https://", StringComparison.Ordinal)) ?? app.Urls.FirstOrDefault())?.TrimEnd('/')
                ?? "https://localhost:5001";
            Console.WriteLine();
            Console.WriteLine("No back-office account exists yet. Create the first administrator here (the link works once):");
            Console.WriteLine($"  {baseUrl}{PathBase}/setup/{token}");
            Console.WriteLine("Or run: FactCheck.Web create-admin <email> (see docs/back-office.md).");
            Console.WriteLine();
        });
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in EditorRoles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }
}
