using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Refuses disabled accounts, and ties every sign-in cookie to a server-side <see cref="EditorSession"/>
/// that signing out ends; everything else is Identity's sign-in.
/// </summary>
public sealed class EditorSignInManager(
    UserManager<EditorUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<EditorUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<EditorUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EditorUser> confirmation, EditorSessions sessions)
    : SignInManager<EditorUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EditorUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Every sign-in (password, second factor, setup) starts a session; a refresh after a password change keeps this browser's.</summary>
    public override async Task SignInWithClaimsAsync(EditorUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var session = (await sessions.LiveAsync(Context.User, user.Id))?.Id ?? await sessions.StartAsync(user.Id, Context);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims.Append(new Claim(EditorSessions.Claim, session)));
    }

    /// <summary>Ends the session on the server too, so a copy of the cookie stops working.</summary>
    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && Context.User.FindFirstValue(EditorSessions.Claim) is { } session)
            await sessions.EndAsync(userId, session, "signed out");
        await base.SignOutAsync();
    }
}
