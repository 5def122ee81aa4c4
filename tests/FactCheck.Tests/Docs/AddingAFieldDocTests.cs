using System.Text.RegularExpressions;

namespace FactCheck.Tests.Docs;

/// <summary>docs/adding-a-field.md stays true: every file it tells a newcomer to change exists.</summary>
public partial class AddingAFieldDocTests
{
    [Fact]
    public void Every_file_the_guide_names_exists()
    {
        var root = RepositoryRoot.Path;
        var guide = File.ReadAllText(Path.Combine(root, "docs", "adding-a-field.md"));
        var paths = FilePath().Matches(guide).Select(m => m.Groups[1].Value)
            .Where(p => p.StartsWith("src/", StringComparison.Ordinal) || p.StartsWith("tests/", StringComparison.Ordinal))
            .SelectMany(Expand).ToList();
        Assert.True(paths.Count >= 12, $"the guide names only {paths.Count} files");
        Assert.All(paths, path => Assert.True(File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path)), $"{path} is named in docs/adding-a-field.md but does not exist"));
    }

    /// <summary>"SharedResource{,.ar,.uk}.resx" is three files; "…/NNNN_….sql" names a folder.</summary>
    private static IEnumerable<string> Expand(string path)
    {
        if (path.Contains("NNNN", StringComparison.Ordinal)) return [path[..path.LastIndexOf('/')]];
        var braces = Regex.Match(path, @"\{([^}]*)\}");
        return braces.Success ? braces.Groups[1].Value.Split(',').Select(part => path.Replace(braces.Value, part, StringComparison.Ordinal)) : [path];
    }

    [GeneratedRegex(@"`([^`\s]+\.(?:cs|cshtml|sql|resx|md))`")]
    private static partial Regex FilePath();
}
