using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

public sealed class AccountForm
{
    [MaxLength(256)] public string? Email { get; set; }
    [MaxLength(100)] public string? DisplayName { get; set; }
    [MaxLength(1000)] public string? Password { get; set; }
    [MaxLength(1000)] public string? ConfirmPassword { get; set; }
}

public sealed class SetupPage : AdminPage
{
    public required string Token { get; init; }
    public AccountForm Form { get; init; } = new();
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// /admin/setup/{token}: creates the first administrator from the one-time link printed at first start.
/// Answers 404 for any other token, and for every token once an account exists.
/// </summary>
[Route(BackOfficeSetup.PathBase + "/setup/{token}")]
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SetupController(
    FirstAdminSetup setup, UserManager<EditorUser> users, SignInManager<EditorUser> signIn, AppDbContext db,
    AuditLog audit, IStringLocalizer<SharedResource> text, TimeProvider clock) : Controller
{
    private static readonly SemaphoreSlim oneAtATime = new(1, 1);

    [HttpGet]
    public async Task<IActionResult> Show(string token) =>
        setup.IsValid(token) && !await users.Users.AnyAsync()
            ? View("Setup", new SetupPage { Title = text["Admin.Setup.Title"], Token = token })
            : NotFound();

    [HttpPost, EnableRateLimiting(BackOfficeSetup.SignInRateLimit)]
    public async Task<IActionResult> Create(string token, AccountForm form)
    {
        await oneAtATime.WaitAsync();
        try
        {
            if (!setup.IsValid(token) || await users.Users.AnyAsync()) return NotFound();
            var errors = AccountErrors.Check(form, text, requirePassword: true);
            EditorUser? user = null;
            if (errors.Count == 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var email = form.Email!.Trim();
                user = new EditorUser
                {
                    UserName = email, Email = email, EmailConfirmed = true,
                    DisplayName = form.DisplayName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                var result = await users.CreateAsync(user, form.Password!);
                if (result.Succeeded) result = await users.AddToRoleAsync(user, EditorRoles.Admin);
                errors.AddRange(result.Errors.Select(e => AccountErrors.Describe(e, text)));
                if (errors.Count == 0)
                {
                    audit.Add(AuditAction.UserCreated, $"user {email}", "first administrator (setup link)", actor: user);
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                    setup.Consume(token);
                }
            }
            if (errors.Count > 0)
                return View("Setup", new SetupPage { Title = text["Admin.Setup.Title"], Token = token, Form = WithoutPasswords(form), Errors = errors });

            await signIn.SignInAsync(user!, isPersistent: false);
            return Redirect(BackOfficeSetup.PathBase);
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private static AccountForm WithoutPasswords(AccountForm form) => new() { Email = form.Email, DisplayName = form.DisplayName };
}

/// <summary>Checks shared by the setup, user and password forms, with messages in the UI language.</summary>
public static class AccountErrors
{
    public static List<string> Check(AccountForm form, IStringLocalizer<SharedResource> text, bool requirePassword)
    {
        var errors = new List<string>();
        var email = form.Email?.Trim();
        if (string.IsNullOrEmpty(email) || !new EmailAddressAttribute().IsValid(email) || email.Length > 256)
            errors.Add(text["Admin.Account.BadEmail"]);
        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > 100)
            errors.Add(text["Admin.Account.BadName"]);
        if (requirePassword && form.Password != form.ConfirmPassword)
            errors.Add(text["Admin.Account.PasswordsDiffer"]);
        return errors;
    }

    /// <summary>Identity's messages are English only; the codes this site can produce have their own strings.</summary>
    public static string Describe(IdentityError error, IStringLocalizer<SharedResource> text) => error.Code switch
    {
        "PasswordTooShort" => text["Admin.Account.PasswordTooShort"],
        "PasswordRequiresUniqueChars" => text["Admin.Account.PasswordTooSimple"],
        "CommonPassword" => text["Admin.Account.PasswordCommon"],
        "DuplicateEmail" or "DuplicateUserName" => text["Admin.Account.EmailTaken"],
        "InvalidEmail" or "InvalidUserName" => text["Admin.Account.BadEmail"],
        "PasswordMismatch" => text["Admin.Account.WrongCurrentPassword"],
        "ConcurrencyFailure" => text["Admin.Account.Concurrency"],
        _ => error.Description,
    };
}
