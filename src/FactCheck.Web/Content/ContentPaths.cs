namespace FactCheck;

/// <summary>
/// Files named by content/ (screenshots) must lie inside the content folder. Compared as real paths
/// (symbolic links followed) and with a separator after the folder, so neither "../content-copy2/x.png"
/// (a sibling whose name merely starts with the folder's) nor a link inside content/ that points out of
/// it reaches a file elsewhere on the server.
/// </summary>
public static class ContentPaths
{
    /// <summary>The real path of <paramref name="relative"/> under <paramref name="root"/>, or null when it resolves outside it.</summary>
    public static string? Inside(string root, string relative)
    {
        var realRoot = RealPath(Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var real = RealPath(Path.GetFullPath(Path.Combine(root, relative)));
        return real.StartsWith(realRoot, StringComparison.Ordinal) ? real : null;
    }

    /// <summary>The path with every symbolic link along it resolved (as far as the path exists).</summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var parts = new Queue<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var links = 0; parts.Count > 0;)
        {
            var next = Path.Combine(current, parts.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target && ++links <= 40)
            {
                // A link's target replaces it; the rest of the path is resolved against the target in turn.
                var resolved = Path.GetFullPath(target, current);
                var rest = parts.ToList();
                parts = new Queue<string>(resolved[(Path.GetPathRoot(resolved) ?? "/").Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(resolved) ?? "/";
                continue;
            }
            current = Path.GetFullPath(next);
        }
        return current;
    }
}
