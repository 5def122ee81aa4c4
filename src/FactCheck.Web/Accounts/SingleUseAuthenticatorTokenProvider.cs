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
