namespace FactCheck;

/// <summary>
/// Where appsettings.json, wwwroot/ and content/ are read from, chosen explicitly rather than guessed:
/// <c>--contentRoot</c> (or ASPNETCORE_CONTENTROOT) when given — script/server passes the repository
/// root, so ./data stays there and edits to wwwroot/ show at once — otherwise the folder the app runs
/// from, which the build and <c>dotnet publish</c> fill with copies of those three (FactCheck.Web.csproj).
/// So <c>dotnet out/FactCheck.Web.dll</c> runs from any working directory, with no checkout beside it.
/// </summary>
public static class ContentRoot
{
    /// <summary>The content root for <see cref="WebApplicationOptions.ContentRootPath"/>: null lets the host take the given one.</summary>
    public static string? Choose(string[] args) =>
        args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ||
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            ? null
            : AppContext.BaseDirectory;
}
