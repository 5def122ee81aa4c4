namespace FactCheck.Tests;

/// <summary>
/// The checkout the tests run from (the folder holding FactCheck.sln): the sites under test read the
/// repository's appsettings.json, wwwroot/ and content/, and some tests read its source files.
/// Only tests look for it; the app itself is given its content root (see ContentRoot).
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "FactCheck.sln")))
                    return dir.FullName;
        throw new InvalidOperationException("The tests run inside a FactCheck checkout (no FactCheck.sln above " + AppContext.BaseDirectory + ").");
    }
}
