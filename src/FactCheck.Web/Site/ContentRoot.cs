namespace FactCheck;

/// <summary>
/// wwwroot/, content/ and appsettings.json sit at the repository root (the agreed layout), so the
/// repository root is the content root when running from a checkout. A published copy of the app
/// carries those folders beside its binaries instead.
/// </summary>
public static class ContentRoot
{
    public static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
                    return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}
