using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace FactCheck;

/// <summary>
/// /admin/account: the signed-in person's own password and two-factor sign-in. Reachable even while
/// the "require two-factor" setting holds someone back from the rest of the back-office.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/account"), EnrolmentAllowed]
public sealed class MyAccountController(
    UserManager<EditorUser> users, SignInManager<EditorUser> signIn, BackOfficeSettings settings, AuditLog audit,
    IStringLocalizer<SharedResource> text, Microsoft.Extensions.Options.IOptions<SiteOptions> site, AppDbContext db) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done) => View(await PageAsync(Notices.Text(done, text), []));

    /// <summary>Changing the password renews the security stamp: every other session ends at its next request.</summary>
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(string? currentPassword, string? newPassword, string? confirmPassword)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var errors = new List<string>();
        // The new hash, the new security stamp and the audit entry are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (newPassword != confirmPassword) errors.Add(text["Admin.Account.PasswordsDiffer"]);
        else
        {
            var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
            errors.AddRange(result.Errors.Select(e => AccountErrors.Describe(e, text)));
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, errors));
        }
        await audit.WriteAsync(AuditAction.PasswordChanged, $"user {user.Email}", actor: user);
        await transaction.CommitAsync();
        await signIn.RefreshSignInAsync(user); // this session continues with the new stamp
        return RedirectToAction("Index", "MyAccount", new { done = "password-changed" });
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction("Index", "MyAccount");
        return View(await SetupPageAsync(user, null));
    }

    /// <summary>The enrolment QR code as a PNG (an image from this site: the CSP allows no data: URLs).</summary>
    [HttpGet("two-factor/qr.png")]
    public async Task<IActionResult> QrCode()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.TwoFactorEnabled) return NotFound();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key)) return NotFound();
        var issuer = Uri.EscapeDataString(site.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    [HttpPost("two-factor")]
    public async Task<IActionResult> EnableTwoFactor(string? code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction("Index", "MyAccount");
        IEnumerable<string>? codes;
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Totp.NormalizeCode(code) ?? "");
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("TwoFactor", await SetupPageAsync(user, text["Admin.TwoFactor.Wrong"]));
        }
        // Two-factor on, its recovery codes and the audit entry: together, so nobody is left with one without the other.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
            await audit.WriteAsync(AuditAction.TwoFactorEnabled, $"user {user.Email}", actor: user);
            await transaction.CommitAsync();
        }
        await signIn.RefreshSignInAsync(user);
        return View("RecoveryCodes", new RecoveryCodesPage { Title = text["Admin.RecoveryCodes.Title"], Codes = codes?.ToList() ?? [], Notice = text["Admin.Done.two-factor-enabled"] });
    }

    [HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (await RequiredForAsync(user))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await PageAsync(null, [text["Admin.TwoFactor.CannotDisable"]]));
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.WriteAsync(AuditAction.TwoFactorDisabled, $"user {user.Email}", actor: user);
            await transaction.CommitAsync();
        }
        await signIn.RefreshSignInAsync(user);
        return RedirectToAction("Index", "MyAccount", new { done = "two-factor-disabled" });
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction("Index", "MyAccount");
        await using var transaction = await db.Database.BeginTransactionAsync();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(AuditAction.RecoveryCodesReset, $"user {user.Email}", actor: user);
        await transaction.CommitAsync();
        return View("RecoveryCodes", new RecoveryCodesPage { Title = text["Admin.RecoveryCodes.Title"], Codes = codes?.ToList() ?? [], Notice = text["Admin.Done.recovery-codes"] });
    }

    private async Task<bool> RequiredForAsync(EditorUser user) =>
        await settings.RequireTwoFactorAsync() && (await users.IsInRoleAsync(user, EditorRoles.Admin) || await users.IsInRoleAsync(user, EditorRoles.Editor));

    private async Task<MyAccountPage> PageAsync(string? notice, IReadOnlyList<string> errors)
    {
        var user = (await users.GetUserAsync(User))!;
        return new MyAccountPage
        {
            Title = text["Admin.Nav.Account"], Notice = notice, Account = user,
            Roles = (await users.GetRolesAsync(user)).ToList(), TwoFactorRequired = await RequiredForAsync(user), Errors = errors,
        };
    }

    private async Task<TwoFactorSetupPage> SetupPageAsync(EditorUser user, string? error)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user); // a new key renews the security stamp; keep this session

        }
        return new TwoFactorSetupPage
        {
            Title = text["Admin.TwoFactor.SetupTitle"],
            Key = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant(),
            Required = await RequiredForAsync(user),
            Error = error,
        };
    }
}
