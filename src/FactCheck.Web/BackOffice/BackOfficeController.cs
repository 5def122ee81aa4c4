using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FactCheck;

/// <summary>
/// Base for signed-in back-office pages: any back-office role may enter; actions that need more carry
/// their own [Authorize(Policy = …)]. Nothing here is cached by browsers or proxies. The back-office
/// is the MVC area "Admin" (views in Areas/Admin/Views/); its URLs come from the attribute routes
/// under <see cref="BackOfficeSetup.PathBase"/>, so the area adds a route value, not a path segment.
/// </summary>
[Area(BackOfficeSetup.Area)]
[Authorize(Policy = Can.Write)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class BackOfficeController : Controller
{
    protected string CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    /// <summary>Whether the signed-in person may publish (the <see cref="Can.Publish"/> policy, asked once per request: the policy is the only place that decides).</summary>
    protected bool CanPublish { get; private set; }
    /// <summary>Whether they may create and revoke preview links (the <see cref="Can.Share"/> policy).</summary>
    protected bool CanShare { get; private set; }
    protected Actor CurrentActor => new(CurrentUserId, User.FindFirstValue(EditorClaimsFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "");

    /// <summary>
    /// When Admins require two-factor sign-in, Editors and Admins without it are sent to enrol before
    /// anything else (their own account page stays open to them).
    /// </summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var services = HttpContext.RequestServices;
        var authorization = services.GetRequiredService<IAuthorizationService>();
        CanPublish = (await authorization.AuthorizeAsync(User, Can.Publish)).Succeeded;
        CanShare = (await authorization.AuthorizeAsync(User, Can.Share)).Succeeded;
        if (!GetType().IsDefined(typeof(EnrolmentAllowedAttribute), inherit: false) && CanPublish)
        {
            if (await services.GetRequiredService<BackOfficeSettings>().RequireTwoFactorAsync() &&
                await services.GetRequiredService<UserManager<EditorUser>>().GetUserAsync(User) is { TwoFactorEnabled: false })
            {
                context.Result = RedirectToAction("TwoFactor", "MyAccount", new { area = BackOfficeSetup.Area });
                return;
            }
        }
        await next();
    }

    /// <summary>A localized page with a status code, e.g. 404 for an advisory that does not exist.</summary>
    protected ViewResult Message(int status, string title, string message)
    {
        Response.StatusCode = status;
        return View("AdminMessage", new AdminMessagePage { Title = title, Message = message });
    }
}
