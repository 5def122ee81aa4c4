namespace FactCheck;

/// <summary>
/// Whether the data folder (SQLite database, media, staging) can be written: checked once at start-up,
/// where a folder that cannot be used ends the process with one line naming it and the fix, and on
/// every /health probe (<see cref="StorageHealthCheck"/>).
/// </summary>
public static class DataFolder
{
    /// <summary>Below this much free space (and under a tenth of the disk) /health reports the data folder as nearly full.</summary>
    public const long LowSpaceBytes = 64L * 1024 * 1024;

    /// <summary>Why <paramref name="folder"/> (and its media/ and staging/ folders) cannot be written, or null when it can.</summary>
    public static StorageProblem? Problem(string folder, out string detail)
    {
        detail = "";
        try
        {
            foreach (var path in new[] { folder, Path.Combine(folder, "media"), Path.Combine(folder, "staging") })
            {
                Directory.CreateDirectory(path);
                var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}.tmp");
                File.WriteAllBytes(probe, [1]);
                File.Delete(probe);
            }
            var database = Path.Combine(folder, "factcheck.db");
            if (File.Exists(database)) File.Open(database, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            return null;
        }
        catch (Exception e) when (StorageProblems.Of(e) is { } problem)
        {
            detail = e.Message;
            return problem;
        }
    }

    /// <summary>The one line printed when the site cannot start on its data folder.</summary>
    public static string StartupMessage(string folder, StorageProblem problem, string detail) => problem switch
    {
        StorageProblem.Full =>
            $"FactCheck cannot start: the data folder {folder} is full ({detail}). Free some space there, or set Site__DataPath to a folder with room.",
        StorageProblem.Unavailable =>
            $"FactCheck cannot start: it cannot reach its database ({detail}). Check Database__ConnectionString and that the database server runs.",
        StorageProblem.Busy =>
            $"FactCheck cannot start: the database in {folder} is locked by another process ({detail}). Stop that process (another copy of the site, a backup holding a write lock) and start again.",
        _ =>
            $"FactCheck cannot start: it cannot write to its data folder {folder} ({detail}). Make that folder writable by the user running the site, or set Site__DataPath to a writable folder.",
    };

    /// <summary>The data folder the site will use, resolved as <see cref="SiteSetup.AddFactCheck"/> does.</summary>
    public static string PathOf(WebApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration.GetSection("Site").Get<SiteOptions>()?.DataPath ?? new SiteOptions().DataPath, builder.Environment.ContentRootPath);
}
