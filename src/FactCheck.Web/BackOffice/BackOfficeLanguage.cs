using Microsoft.AspNetCore.Localization;

namespace FactCheck;

/// <summary>
/// The back-office UI language: the editor's choice in a cookie that only /admin sees, otherwise the
/// browser's Accept-Language. Public pages take their language from the URL and get no cookie.
/// </summary>
public static class BackOfficeLanguage
{
    public const string CookieName = "factcheck-admin-lang";

    public static SiteLanguage Of(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && SiteLanguage.Find(chosen) is { } language)
            return language;
        return SiteLanguage.FromAcceptLanguage(context.Request.Headers.AcceptLanguage);
    }

    /// <summary>The current request's UI language (set by <see cref="CultureProvider"/> for /admin).</summary>
    public static SiteLanguage Current =>
        SiteLanguage.Find(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? SiteLanguage.Default;

    public static bool IsBackOfficePath(PathString path) => path.StartsWithSegments(BackOfficeSetup.PathBase, StringComparison.OrdinalIgnoreCase);

    public sealed class CultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            Task.FromResult(IsBackOfficePath(httpContext.Request.Path)
                ? new ProviderCultureResult(System.Globalization.CultureInfo.InvariantCulture.Name, Of(httpContext).Culture.Name)
                : null);
    }
}
