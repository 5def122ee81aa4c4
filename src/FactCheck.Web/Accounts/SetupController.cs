using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// /admin/setup/{token}: creates the first administrator from the one-time link printed at first start.
/// Answers 404 for any other token, and for every token once an account exists.
/// </summary>
[Area(BackOfficeSetup.Area), Route(BackOfficeSetup.PathBase + "/setup/{token}")]
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
