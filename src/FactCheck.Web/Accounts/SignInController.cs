using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Sign-in, the two-factor step, sign-out and the UI language switch. Every failure reads the same,
/// whether the account is unknown, the password wrong, the account locked or disabled, and takes about
/// as long (a password hash is always computed), so the form cannot tell anyone which accounts exist.
/// </summary>
[Area(BackOfficeSetup.Area), Route(BackOfficeSetup.PathBase)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SignInController(
    SignInManager<EditorUser> signIn, UserManager<EditorUser> users, IPasswordHasher<EditorUser> hasher,
    AuditLog audit, IStringLocalizer<SharedResource> text) : Controller
{
    private static string? timingHash;

    [HttpGet("sign-in"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true
            ? Redirect(SafeReturnUrl(returnUrl))
            : View(new SignInPage { Title = text["Admin.SignIn.Title"], ReturnUrl = returnUrl });

    [HttpPost("sign-in"), AllowAnonymous, EnableRateLimiting(BackOfficeSetup.SignInRateLimit)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        var email = form.Email?.Trim() ?? "";
        var password = form.Password ?? "";
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            SpendPasswordHashTime(password);
            await audit.WriteAsync(AuditAction.SignInFailed, detail: "unknown account", actorName: email);
            return Failed(form);
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, actor: user);
            return Redirect(SafeReturnUrl(form.ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return Redirect($"{BackOfficeSetup.PathBase}/sign-in/two-factor?returnUrl={Uri.EscapeDataString(SafeReturnUrl(form.ReturnUrl))}");

        // Locked and disabled accounts are refused before Identity checks the password: spend the time anyway.
        if (result.IsLockedOut || result.IsNotAllowed) SpendPasswordHashTime(password);
        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed,
            detail: result.IsNotAllowed ? "account disabled" : result.IsLockedOut ? "account locked" : "wrong password", actor: user);
        return Failed(form);
    }

    [HttpGet("sign-in/two-factor"), AllowAnonymous]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect($"{BackOfficeSetup.PathBase}/sign-in")
            : View(new CodePage { Title = text["Admin.TwoFactor.Title"], ReturnUrl = returnUrl });

    [HttpPost("sign-in/two-factor"), AllowAnonymous, EnableRateLimiting(BackOfficeSetup.SignInRateLimit)]
    public async Task<IActionResult> TwoFactor(CodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect($"{BackOfficeSetup.PathBase}/sign-in");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(Totp.NormalizeCode(form.Code) ?? "", isPersistent: false, rememberClient: false);
        return await AfterSecondFactorAsync(result, user, form, "TwoFactor", text["Admin.TwoFactor.Title"]);
    }

    [HttpGet("sign-in/recovery"), AllowAnonymous]
    public async Task<IActionResult> Recovery(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect($"{BackOfficeSetup.PathBase}/sign-in")
            : View(new CodePage { Title = text["Admin.Recovery.Title"], ReturnUrl = returnUrl });

    [HttpPost("sign-in/recovery"), AllowAnonymous, EnableRateLimiting(BackOfficeSetup.SignInRateLimit)]
    public async Task<IActionResult> Recovery(CodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect($"{BackOfficeSetup.PathBase}/sign-in");
        var code = (form.Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        return await AfterSecondFactorAsync(result, user, form, "Recovery", text["Admin.Recovery.Title"]);
    }

    private async Task<IActionResult> AfterSecondFactorAsync(Microsoft.AspNetCore.Identity.SignInResult result, EditorUser user, CodeForm form, string view, string title)
    {
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditAction.SignIn, detail: view == "Recovery" ? "with a recovery code" : "with an authenticator code", actor: user);
            return Redirect(SafeReturnUrl(form.ReturnUrl));
        }
        await audit.WriteAsync(result.IsLockedOut ? AuditAction.LockedOut : AuditAction.TwoFactorFailed, actor: user);
        return View(view, new CodePage { Title = title, ReturnUrl = form.ReturnUrl, Error = text["Admin.TwoFactor.Wrong"] });
    }

    [HttpPost("sign-out"), Authorize]
    public async Task<IActionResult> SignOutNow()
    {
        await audit.WriteAsync(AuditAction.SignOut);
        await signIn.SignOutAsync();
        return Redirect($"{BackOfficeSetup.PathBase}/sign-in");
    }

    [HttpGet("denied"), AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("AdminMessage", new AdminMessagePage { Title = text["Admin.Denied.Title"], Message = text["Admin.Denied.Text"] });
    }

    /// <summary>Stores the chosen back-office language in a cookie that only /admin sees.</summary>
    [HttpPost("language"), AllowAnonymous]
    public IActionResult Language(string? lang, string? returnUrl)
    {
        if (SiteLanguage.Find(lang) is { } language)
            Response.Cookies.Append(BackOfficeLanguage.CookieName, language.Code, new CookieOptions
            {
                Path = BackOfficeSetup.PathBase,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        return Redirect(SafeReturnUrl(returnUrl));
    }

    private ViewResult Failed(SignInForm form) =>
        View("SignIn", new SignInPage
        {
            Title = text["Admin.SignIn.Title"],
            Email = form.Email,
            ReturnUrl = form.ReturnUrl,
            Error = text["Admin.SignIn.Failed"],
        });

    /// <summary>Computes one password hash verification, so a refusal without one takes as long as a wrong password.</summary>
    private void SpendPasswordHashTime(string password)
    {
        var nobody = new EditorUser();
        timingHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(nobody, timingHash, password);
    }

    /// <summary>
    /// Only local back-office addresses: never another site (an open redirect) or a public page. The
    /// address goes into a Location header, which carries ASCII only: words of any script (an Arabic
    /// search the list page put into it) are percent-encoded as UTF-8, so they arrive as typed.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2000 } url && url.StartsWith(BackOfficeSetup.PathBase, StringComparison.Ordinal) &&
        (url.Length == BackOfficeSetup.PathBase.Length || url[BackOfficeSetup.PathBase.Length] is '/' or '?') &&
        !url.Contains('\\', StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) &&
        !SafeText.HasUnsafe(url, allowLineBreaks: false)
            ? AsciiOnly(url)
            : BackOfficeSetup.PathBase;

    private static string AsciiOnly(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007f')) return url;
        var encoded = new System.Text.StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
