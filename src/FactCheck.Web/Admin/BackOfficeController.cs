using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace FactCheck;

/// <summary>What the back-office layout needs from every page's view model.</summary>
public abstract class AdminPage
{
    public required string Title { get; init; }
    /// <summary>A one-line confirmation shown at the top ("Published."), after a redirect.</summary>
    public string? Notice { get; init; }
    /// <summary>
    /// A name from the database inside <see cref="Title"/> (an advisory's title): the page heading isolates it in
    /// a &lt;bdi&gt; with its own language and direction, so an Arabic title in an English heading reads in order.
    /// </summary>
    public string? Subject { get; init; }
    public string? SubjectLanguage { get; init; }
}

/// <summary>A back-office page with nothing more than a heading and a message.</summary>
public sealed class AdminMessagePage : AdminPage
{
    public required string Message { get; init; }
}

/// <summary>
/// Base for signed-in back-office pages: any back-office role may enter; actions that need more carry
/// their own [Authorize(Policy = …)]. Nothing here is cached by browsers or proxies.
/// </summary>
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
                context.Result = Redirect(BackOfficeSetup.PathBase + "/account/two-factor");
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
