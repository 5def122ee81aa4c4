using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>/admin/users: Admins create accounts, set each one's role, and disable or enable them.</summary>
[Route(BackOfficeSetup.PathBase + "/users"), Authorize(Policy = Can.Administer)]
public sealed class UsersController(
    AppDbContext db, UserManager<EditorUser> users, EditorSessions sessions, AuditLog audit, IStringLocalizer<SharedResource> text, TimeProvider clock) : BackOfficeController
{
    [HttpGet("")]
    public async Task<IActionResult> List(string? done)
    {
        var roleNames = await (from userRole in db.UserRoles
                               join role in db.Roles on userRole.RoleId equals role.Id
                               select new { userRole.UserId, role.Name }).ToListAsync();
        var all = await db.Users.OrderBy(u => u.Email).ToListAsync();
        return View(new UsersPage
        {
            Title = text["Admin.Users.Title"], Notice = Notices.Text(done, text),
            Users = all.Select(u => new UserRow(u, roleNames.FirstOrDefault(r => r.UserId == u.Id)?.Name)).ToList(),
        });
    }

    [HttpGet("new")]
    public IActionResult New() => View(new NewUserPage { Title = text["Admin.Users.NewTitle"] });

    [HttpPost("new")]
    public async Task<IActionResult> Create(AccountForm form, string? role)
    {
        var errors = AccountErrors.Check(form, text, requirePassword: true);
        if (role is null || !EditorRoles.All.Contains(role)) errors.Add(text["Admin.Editor.Error.Choice"]);
        if (errors.Count == 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var email = form.Email!.Trim();
            var user = new EditorUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = form.DisplayName!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, form.Password ?? "");
            if (result.Succeeded) result = await users.AddToRoleAsync(user, role!);
            errors.AddRange(result.Errors.Select(e => AccountErrors.Describe(e, text)));
            if (errors.Count == 0)
            {
                audit.Add(AuditAction.UserCreated, $"user {email}", role);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return RedirectToAction("List", "Users", new { done = "user-created" });
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("New", new NewUserPage
        {
            Title = text["Admin.Users.NewTitle"], Errors = errors, Role = role ?? EditorRoles.Contributor,
            Form = new AccountForm { Email = form.Email, DisplayName = form.DisplayName },
        });
    }

    [HttpGet("{userId}")]
    public async Task<IActionResult> Edit(string userId, string? done)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        var page = await EditPageAsync(user, []);
        return View(new EditUserPage
        {
            Title = page.Title, Notice = Notices.Text(done, text), Account = page.Account, Role = page.Role, IsSelf = page.IsSelf,
            Sessions = page.Sessions, CurrentSession = page.CurrentSession,
        });
    }

    /// <summary>
    /// A role change or a disabled account renews the security stamp, so that person's open sessions end
    /// (or pick up the new role) at their next request. Admins cannot demote or disable themselves.
    /// </summary>
    [HttpPost("{userId}")]
    public async Task<IActionResult> Save(string userId, string? role, bool disabled)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        if (role is null || !EditorRoles.All.Contains(role))
            return Invalid(await EditPageAsync(user, [text["Admin.Editor.Error.Choice"]]));
        if (user.Id == CurrentUserId && (role != EditorRoles.Admin || disabled))
            return Invalid(await EditPageAsync(user, [text["Admin.Users.NotYourself"]]));

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = (await users.GetRolesAsync(user)).ToList();
        if (!current.SequenceEqual([role]))
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            audit.Add(AuditAction.RolesChanged, $"user {user.Email}", $"{string.Join(",", current)} → {role}");
        }
        if (user.IsDisabled != disabled)
        {
            user.IsDisabled = disabled;
            audit.Add(disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, $"user {user.Email}");
        }
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return RedirectToAction("List", "Users", new { done = "user-saved" });
    }

    /// <summary>
    /// Ends one of the account's sessions (<paramref name="sessionId"/>), or all of them ("all"): each
    /// browser concerned is signed out at its next request, whatever copy of its cookie is used.
    /// </summary>
    [HttpPost("{userId}/sessions/{sessionId}/end")]
    public async Task<IActionResult> EndSessions(string userId, string sessionId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return NotFound();
        var ended = await sessions.EndAsync(user.Id, sessionId == "all" ? null : sessionId, CurrentActor.Name);
        if (ended > 0)
        {
            audit.Add(AuditAction.SessionsEnded, $"user {user.Email}", sessionId == "all" ? $"all ({ended})" : sessionId[..Math.Min(8, sessionId.Length)]);
            await db.SaveChangesAsync();
        }
        return RedirectToAction("Edit", "Users", new { userId = user.Id, done = "sessions-ended" }, "sessions");
    }

    private async Task<EditUserPage> EditPageAsync(EditorUser user, IReadOnlyList<string> errors) => new()
    {
        Title = user.Email ?? user.Id,
        Account = user,
        Role = (await users.GetRolesAsync(user)).FirstOrDefault(),
        IsSelf = user.Id == CurrentUserId,
        Sessions = await sessions.ListLiveAsync(user.Id),
        CurrentSession = User.FindFirst(EditorSessions.Claim)?.Value,
        Errors = errors,
    };

    private ViewResult Invalid(EditUserPage page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Edit", page);
    }
}
