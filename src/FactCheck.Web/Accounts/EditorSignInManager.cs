using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>Refuses disabled accounts; everything else is Identity's sign-in.</summary>
public sealed class EditorSignInManager(
    UserManager<EditorUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<EditorUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<EditorUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EditorUser> confirmation)
    : SignInManager<EditorUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EditorUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
