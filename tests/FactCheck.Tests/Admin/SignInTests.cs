using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Admin;

public class SignInTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_after_it()
    {
        var client = site.Browser();
        var response = await client.GetAsync("/admin?done=saved");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin%3Fdone%3Dsaved", response.Headers.Location!.PathAndQuery);

        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var signedIn = await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password, "/admin?done=saved");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin?done=saved", signedIn.Headers.Location!.OriginalString);

        var dashboard = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains(user.Email!, await dashboard.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("https://evil.example/admin")]
    [InlineData("//evil.example/admin")]
    [InlineData("/\\evil.example")]
    [InlineData("/ar/")]
    public async Task After_sign_in_only_back_office_addresses_are_followed(string returnUrl)
    {
        var user = await site.CreateUserAsync(EditorRoles.Contributor);
        var response = await BackOfficeSite.SignInAsync(site.Browser(), user.Email!, BackOfficeSite.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Back_office_cookies_are_confined_to_admin_and_public_pages_set_none()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var client = site.Browser();
        var response = await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password);

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("path=/admin", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        });

        var publicPage = await client.GetAsync("/ar/");
        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        Assert.False(publicPage.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Unknown_account_and_wrong_password_get_the_same_answer()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);

        var wrongPassword = await BackOfficeSite.SignInAsync(site.Browser(), user.Email!, "not the right password");
        var unknownUser = await BackOfficeSite.SignInAsync(site.Browser(), "nobody-" + Guid.NewGuid().ToString("N") + "@example.org", "not the right password");

        Assert.Equal(wrongPassword.StatusCode, unknownUser.StatusCode);
        var first = await Html.ReadAsync(wrongPassword);
        var second = await Html.ReadAsync(unknownUser);
        Assert.Equal(first.QuerySelector("[role=alert]")!.TextContent, second.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal(first.QuerySelector("main form")!.QuerySelectorAll("input,button").Length, second.QuerySelector("main form")!.QuerySelectorAll("input,button").Length);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var client = site.Browser();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await BackOfficeSite.SignInAsync(client, user.Email!, "wrong password " + i)).StatusCode);

        var locked = await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // the form again, not a redirect into the back-office
        Assert.NotNull((await Html.ReadAsync(locked)).QuerySelector("[role=alert]"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        await site.WithDatabaseAsync(async db =>
        {
            var actions = await db.AuditLog.Where(e => e.UserId == user.Id).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.LockedOut, actions);
            Assert.Equal(4, actions.Count(a => a == AuditAction.SignInFailed));
        });
    }

    [Fact]
    public async Task Disabled_accounts_cannot_sign_in()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor, configure: u => u.IsDisabled = true);
        var response = await BackOfficeSite.SignInAsync(site.Browser(), user.Email!, BackOfficeSite.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("[role=alert]"));
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var client = site.Browser();
        await client.GetAsync("/admin/sign-in"); // gets the antiforgery cookie, but the token is left out below
        var response = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = BackOfficeSite.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("factcheck-admin=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_at_least_210000_pbkdf2_iterations()
    {
        var user = await site.CreateUserAsync(EditorRoles.Contributor);
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]); // Identity v3 format: PBKDF2
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1))); // HMAC-SHA512
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 210_000);
    }

    [Theory]
    [InlineData("short pass", "PasswordTooShort")]
    [InlineData("password1234", "CommonPassword")]
    [InlineData("1Q2W3E4R5T6Y7U", "CommonPassword")]
    public async Task Short_and_common_passwords_are_refused(string password, string code)
    {
        var errors = await site.WithServiceAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<EditorUser>>();
            var result = await users.CreateAsync(new EditorUser { UserName = "p@example.org", Email = "p@example.org", DisplayName = "P" }, password);
            return result.Errors.Select(e => e.Code).ToList();
        });
        Assert.Contains(code, errors);
    }

    [Fact]
    public async Task The_back_office_speaks_the_chosen_language_and_arabic_is_right_to_left()
    {
        var client = site.Browser();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.8");
        var english = await Html.ReadAsync(await client.GetAsync("/admin/sign-in"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", english.DocumentElement.GetAttribute("dir"));
        var form = Form.Parse(english.DocumentElement.OuterHtml, "form.languages");
        var response = await form.SubmitAsync(client, ("lang", "ar"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("path=/admin", response.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);

        var arabic = await Html.ReadAsync(await client.GetAsync("/admin/sign-in"));
        Assert.Equal("ar", arabic.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تسجيل الدخول", arabic.QuerySelector("h1")!.TextContent);
    }
}

/// <summary>The real site with <see cref="RecordingPasswordHasher"/> in place of Identity's hasher.</summary>
public class PasswordWorkSite : BackOfficeSite
{
    public RecordingPasswordHasher.Recording Verifications { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<EditorUser>>(provider =>
            new RecordingPasswordHasher(provider.GetRequiredService<IOptions<PasswordHasherOptions>>(), Verifications)));
    }
}

/// <summary>
/// Identity's own PBKDF2 hasher, configured as the site configures it, which also notes the work of
/// every verification: the hash function and iteration count read from the stored hash it checks against.
/// </summary>
public sealed class RecordingPasswordHasher(IOptions<PasswordHasherOptions> options, RecordingPasswordHasher.Recording recording)
    : PasswordHasher<EditorUser>(options)
{
    public sealed record Work(int Format, uint Prf, uint Iterations);

    public sealed class Recording
    {
        private readonly List<Work> verifications = [];
        private readonly Lock gate = new();

        public void Add(Work work) { lock (gate) verifications.Add(work); }

        /// <summary>The verifications since the last call.</summary>
        public List<Work> Take()
        {
            lock (gate)
            {
                var taken = verifications.ToList();
                verifications.Clear();
                return taken;
            }
        }
    }

    public override PasswordVerificationResult VerifyHashedPassword(EditorUser user, string hashedPassword, string providedPassword)
    {
        // Identity v3 format: 0x01, PRF (uint32 big-endian), iteration count, salt length, salt, subkey.
        var hash = Convert.FromBase64String(hashedPassword);
        recording.Add(new Work(hash[0], BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)), BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5))));
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// "Similar timing for an unknown account and a wrong password", proved by the work rather than the clock:
/// a password hash verification (PBKDF2, 210,000 iterations) is what makes a failed sign-in take its time,
/// so every refusal must do exactly one, of the same cost, whether the account exists or not. Timing it with
/// a stopwatch on a shared CI machine could only flake; counting cannot, and it fails the moment the
/// unknown-account path skips the hash or uses a cheaper one.
/// </summary>
public class SignInWorkTests(PasswordWorkSite site) : IClassFixture<PasswordWorkSite>
{
    private async Task<List<RecordingPasswordHasher.Work>> FailedSignInWorkAsync(string email, string password)
    {
        var client = site.Browser();
        var form = await Form.LoadAsync(client, "/admin/sign-in");
        site.Verifications.Take();
        var response = await form.Set("Email", email).Set("Password", password).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // refused: the form again
        Assert.NotNull((await Html.ReadAsync(response)).QuerySelector("[role=alert]"));
        return site.Verifications.Take();
    }

    [Fact]
    public async Task Every_refused_sign_in_does_the_same_password_hash_work_whether_or_not_the_account_exists()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var disabled = await site.CreateUserAsync(EditorRoles.Editor, configure: u => u.IsDisabled = true);
        var locked = await site.CreateUserAsync(EditorRoles.Editor, configure: u => u.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1));

        var wrongPassword = await FailedSignInWorkAsync(user.Email!, "not the right password");
        var expected = new RecordingPasswordHasher.Work(Format: 0x01, Prf: 2, Iterations: 210_000); // v3, HMAC-SHA512
        Assert.Equal([expected], wrongPassword);

        Assert.Equal(wrongPassword, await FailedSignInWorkAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.org", "not the right password"));
        Assert.Equal(wrongPassword, await FailedSignInWorkAsync("", "not the right password"));
        Assert.Equal(wrongPassword, await FailedSignInWorkAsync(new string('a', 300) + "@example.org", "x"));
        Assert.Equal(wrongPassword, await FailedSignInWorkAsync(disabled.Email!, BackOfficeSite.Password));
        Assert.Equal(wrongPassword, await FailedSignInWorkAsync(locked.Email!, BackOfficeSite.Password));
    }
}
