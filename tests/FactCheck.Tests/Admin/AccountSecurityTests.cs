using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

public class TotpTests
{
    [Theory]
    [InlineData(59L, "287082")]           // RFC 6238 appendix B (SHA-1), last six digits
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    public void Codes_match_the_rfc_6238_test_vectors(long unixTime, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal(expected, Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixTime)));
    }

    [Fact]
    public void A_code_is_accepted_one_step_either_side_of_now_and_no_further()
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");
        var shown = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);
        var code = Totp.Code(key, shown);
        var step = 1_700_000_010 / 30;

        Assert.Equal(step, Totp.MatchingStep(key, code, shown));
        Assert.Equal(step, Totp.MatchingStep(key, code, shown.AddSeconds(30)));   // typed slowly, or a clock behind
        Assert.Equal(step, Totp.MatchingStep(key, code, shown.AddSeconds(-30)));  // a clock ahead
        Assert.Null(Totp.MatchingStep(key, code, shown.AddSeconds(61)));
        Assert.Null(Totp.MatchingStep(key, "000000" == code ? "111111" : "000000", shown));
    }

    [Theory]
    [InlineData("287 082", "287082")]
    [InlineData("٢٨٧٠٨٢", "287082")]
    [InlineData("28708", null)]
    [InlineData("28708x", null)]
    public void Codes_may_be_typed_with_spaces_or_arabic_digits(string typed, string? expected) =>
        Assert.Equal(expected, Totp.NormalizeCode(typed));
}

public class AccountSecurityTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private async Task<(EditorUser User, byte[] Key)> UserWithTwoFactorAsync(string role)
    {
        var user = await site.CreateUserAsync(role);
        var key = await site.WithServiceAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<EditorUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            await users.SetTwoFactorEnabledAsync(stored, true);
            return Totp.KeyBytes((await users.GetAuthenticatorKeyAsync(stored))!);
        });
        return (user, key);
    }

    private static string CurrentCode(byte[] key) => Totp.Code(key, DateTimeOffset.UtcNow);

    private static async Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code)
    {
        var form = await Form.LoadAsync(client, "/admin/sign-in/two-factor");
        return await form.Set("Code", code).SubmitAsync(client);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_never_again()
    {
        var (user, key) = await UserWithTwoFactorAsync(EditorRoles.Editor);
        var code = CurrentCode(key);

        var first = site.Browser();
        var password = await BackOfficeSite.SignInAsync(first, user.Email!, BackOfficeSite.Password);
        Assert.StartsWith("/admin/sign-in/two-factor", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin")).StatusCode); // the password alone is not enough
        var accepted = await EnterCodeAsync(first, code);
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin")).StatusCode);

        // Someone who saw the code replays it within its 30-second window: refused.
        var second = site.Browser();
        await BackOfficeSite.SignInAsync(second, user.Email!, BackOfficeSite.Password);
        var replay = await EnterCodeAsync(second, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull((await Html.ReadAsync(replay)).QuerySelector("[role=alert]"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var (user, _) = await UserWithTwoFactorAsync(EditorRoles.Editor);
        var codes = await site.WithServiceAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<EditorUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!, 10))!.ToList();
        });

        async Task<HttpResponseMessage> UseAsync(string code)
        {
            var client = site.Browser();
            await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password);
            var form = await Form.LoadAsync(client, "/admin/sign-in/recovery");
            return await form.Set("Code", code).SubmitAsync(client);
        }

        Assert.Equal("/admin", (await UseAsync(codes[0])).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await UseAsync(codes[0])).StatusCode);
    }

    [Fact]
    public async Task Enrolling_an_authenticator_app_by_qr_code_gives_recovery_codes_and_then_sign_in_asks_for_a_code()
    {
        var (client, user) = await site.SignedInAsync(EditorRoles.Contributor);
        var setup = await client.GetAsync("/admin/account/two-factor");
        var page = await Html.ReadAsync(setup);
        var qr = await client.GetAsync(page.QuerySelector("img.qr")!.GetAttribute("src"));
        Assert.True(qr.StatusCode == HttpStatusCode.OK, $"{(int)qr.StatusCode} {qr.Headers.Location}");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        var key = Totp.KeyBytes(page.QuerySelector("code.key")!.TextContent);

        var wrong = Form.Parse(page.DocumentElement.OuterHtml).Set("code", "000000");
        Assert.Equal(HttpStatusCode.BadRequest, (await wrong.SubmitAsync(client)).StatusCode);

        var enrol = Form.Parse(page.DocumentElement.OuterHtml).Set("code", CurrentCode(key));
        var enrolled = await enrol.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, (await Html.ReadAsync(enrolled)).QuerySelectorAll(".recovery-codes li").Length);

        var again = site.Browser();
        var response = await BackOfficeSite.SignInAsync(again, user.Email!, BackOfficeSite.Password);
        Assert.StartsWith("/admin/sign-in/two-factor", response.Headers.Location!.OriginalString);
        await site.WithDatabaseAsync(async db =>
            Assert.True(await db.AuditLog.AnyAsync(e => e.UserId == user.Id && e.Action == AuditAction.TwoFactorEnabled)));
    }

    [Fact]
    public async Task When_admins_require_two_factor_editors_without_it_must_enrol_first()
    {
        var (admin, _) = await site.SignedInAsync(EditorRoles.Admin);
        var settings = await Form.LoadAsync(admin, "/admin/settings");
        settings.Set("requireTwoFactor", "true");
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await settings.SubmitAsync(admin)).StatusCode);

            var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
            var blocked = await editor.GetAsync("/admin/advisories");
            Assert.Equal("/admin/account/two-factor", blocked.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/account/two-factor")).StatusCode);

            // Contributors are not covered by the setting.
            var (contributor, _) = await site.SignedInAsync(EditorRoles.Contributor);
            Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync("/admin/advisories")).StatusCode);

            // An editor with two-factor carries on.
            var (user, key) = await UserWithTwoFactorAsync(EditorRoles.Editor);
            var client = site.Browser();
            await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password);
            await EnterCodeAsync(client, CurrentCode(key));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/advisories")).StatusCode);
        }
        finally
        {
            await site.WithServiceAsync(async services =>
            {
                var db = services.GetRequiredService<AppDbContext>();
                await services.GetRequiredService<BackOfficeSettings>().SetRequireTwoFactorAsync(false);
                return await db.SaveChangesAsync();
            });
        }
        await site.WithDatabaseAsync(async db => Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.SettingChanged)));
    }

    [Fact]
    public async Task Changing_the_password_signs_out_every_other_session()
    {
        var user = await site.CreateUserAsync(EditorRoles.Editor);
        var laptop = site.Browser();
        var phone = site.Browser();
        await BackOfficeSite.SignInAsync(laptop, user.Email!, BackOfficeSite.Password);
        await BackOfficeSite.SignInAsync(phone, user.Email!, BackOfficeSite.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin")).StatusCode);

        var form = await Form.LoadAsync(laptop, "/admin/account", "form[action='/admin/account/password']");
        const string newPassword = "a brand new long passphrase 7";
        form.Set("currentPassword", BackOfficeSite.Password).Set("newPassword", newPassword).Set("confirmPassword", newPassword);
        Assert.Equal("/admin/account?done=password-changed", (await form.SubmitAsync(laptop)).Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/admin")).StatusCode);
        var signedOut = await phone.GetAsync("/admin");
        Assert.Equal("/admin/sign-in", signedOut.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeSite.SignInAsync(site.Browser(), user.Email!, newPassword)).StatusCode);
    }

    [Fact]
    public async Task Admins_create_accounts_set_roles_and_disable_them()
    {
        var (admin, adminUser) = await site.SignedInAsync(EditorRoles.Admin);
        var email = $"new-{Guid.NewGuid():N}@example.org";
        var create = await Form.LoadAsync(admin, "/admin/users/new");
        create.Set("Email", email).Set("DisplayName", "محررة جديدة").Set("Password", BackOfficeSite.Password)
            .Set("ConfirmPassword", BackOfficeSite.Password).Set("role", EditorRoles.Editor);
        Assert.Equal("/admin/users?done=user-created", (await create.SubmitAsync(admin)).Headers.Location!.OriginalString);

        var colleague = site.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await BackOfficeSite.SignInAsync(colleague, email, BackOfficeSite.Password)).StatusCode);
        var id = await EditorSteps.CreateDraftAsync(colleague);
        Assert.NotNull((await Html.ReadAsync(await colleague.GetAsync($"/admin/advisories/{id}"))).QuerySelector($"form[action='/admin/advisories/{id}/publish']"));

        // Demoted to Contributor: the open session loses the publish button at once.
        var list = await Html.ReadAsync(await admin.GetAsync("/admin/users"));
        var userPath = list.QuerySelectorAll("tbody a").Single(a => a.TextContent == email).GetAttribute("href")!;
        var edit = await Form.LoadAsync(admin, userPath);
        Assert.Equal(HttpStatusCode.Redirect, (await edit.Set("role", EditorRoles.Contributor).SubmitAsync(admin)).StatusCode);
        Assert.Null((await Html.ReadAsync(await colleague.GetAsync($"/admin/advisories/{id}"))).QuerySelector($"form[action='/admin/advisories/{id}/publish']"));

        // Disabled: the open session ends, and signing in again fails.
        edit = await Form.LoadAsync(admin, userPath);
        Assert.Equal(HttpStatusCode.Redirect, (await edit.Set("disabled", "true").SubmitAsync(admin)).StatusCode);
        Assert.Equal("/admin/sign-in", (await colleague.GetAsync("/admin")).Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await BackOfficeSite.SignInAsync(site.Browser(), email, BackOfficeSite.Password)).StatusCode);

        // An admin cannot lock themselves out.
        var self = await Form.LoadAsync(admin, $"/admin/users/{adminUser.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, (await self.Set("role", EditorRoles.Editor).SubmitAsync(admin)).StatusCode);

        await site.WithDatabaseAsync(async db =>
        {
            var actions = await db.AuditLog.Where(e => e.Target == $"user {email}").Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.UserCreated, actions);
            Assert.Contains(AuditAction.RolesChanged, actions);
            Assert.Contains(AuditAction.UserDisabled, actions);
        });
    }
}
