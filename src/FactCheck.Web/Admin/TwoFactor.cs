using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The authenticator-app token provider, with each code accepted once: Identity's own provider
/// accepts the same code again and again within its window. The accepted time step is stored on
/// the user (a concurrency-checked update), and only later steps are accepted afterwards.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<EditorUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<EditorUser> manager, EditorUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app generates codes, not the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<EditorUser> manager, EditorUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<EditorUser> manager, EditorUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key)) return false;
        var step = Totp.MatchingStep(Totp.KeyBytes(key), token, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpStep) return false;
        user.LastTotpStep = step;
        // Two requests racing with the same code: the second update fails on the concurrency stamp.
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}

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
