using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// "FactCheck.Web backup &lt;folder&gt;": a consistent copy of a running site. The database first (SQLite:
/// VACUUM INTO, an online snapshot), then the media: media files are never changed in place and only
/// deleted once no row names them, so media copied after the snapshot holds every file the snapshot
/// names (and perhaps a few newer ones, which the orphan sweep removes after a restore). The other order
/// loses files: a screenshot added between the two copies is named by the database but missing from media.
/// On PostgreSQL, dump the database with pg_dump first, then run this with --media-only.
/// </summary>
public static class Backup
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var mediaOnly = args.Contains("--media-only");
        var target = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (target is null)
        {
            error.WriteLine("Usage: FactCheck.Web backup <empty folder> [--media-only]   (see README, \"Backups\")");
            return 2;
        }
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            error.WriteLine($"{target} is not empty: give a new folder for each backup.");
            return 2;
        }
        Directory.CreateDirectory(target);

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!mediaOnly)
        {
            if (DatabaseSetup.Of(db) == DatabaseProvider.Postgres)
            {
                error.WriteLine("On PostgreSQL, back up the database with pg_dump first (README, \"Backups\"), then run: FactCheck.Web backup <folder> --media-only");
                return 2;
            }
            var file = Path.Combine(target, "factcheck.db");
            await SnapshotAsync(db.Database.GetConnectionString()!, file);
            output.WriteLine($"Database: {file} ({new FileInfo(file).Length / 1024} KB)");
        }

        var media = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var copied = await CopyAsync(media, Path.Combine(target, "media"));
        output.WriteLine($"Media: {copied} files in {Path.Combine(target, "media")}");
        if (!mediaOnly && await MissingAsync(Path.Combine(target, "factcheck.db"), Path.Combine(target, "media")) is { Count: > 0 } missing)
        {
            // Only a screenshot removed or redacted again between the two copies does this (its old files go at once).
            error.WriteLine($"{missing.Count} media files named by the database copy were deleted while the backup ran (e.g. {missing[0]}); run the backup again.");
            return 1;
        }

        var options = scope.ServiceProvider.GetRequiredService<MediaOptions>();
        if (options.KeepOriginalsPath is { Length: > 0 } keep)
        {
            var originals = Path.GetFullPath(keep, scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value.DataPath);
            if (Directory.Exists(originals))
            {
                var destination = Path.Combine(target, "originals");
                Directory.CreateDirectory(destination);
                foreach (var original in Directory.EnumerateFiles(originals).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
                    File.Copy(original, Path.Combine(destination, Path.GetFileName(original)), overwrite: true);
                output.WriteLine($"Kept originals: {destination}");
            }
        }
        output.WriteLine("Restore: stop the site, put factcheck.db (deleting any factcheck.db-wal and -shm beside it) and media/ into the data folder, start the site.");
        return 0;
    }

    /// <summary>An online, transactionally consistent copy of the SQLite database (other connections keep writing meanwhile).</summary>
    public static async Task SnapshotAsync(string connectionString, string file)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $file;";
        command.Parameters.AddWithValue("$file", file);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The media files the database copy names that the media copy lacks (none, for a good backup).</summary>
    public static async Task<List<string>> MissingAsync(string databaseFile, string mediaFolder)
    {
        var missing = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT \"FileName\" FROM \"ScreenshotFiles\";";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!File.Exists(Path.Combine(mediaFolder, reader.GetString(0)))) missing.Add(reader.GetString(0));
        return missing;
    }

    /// <summary>Copies every finished media file (not the temporary ones of writes in progress).</summary>
    public static async Task<int> CopyAsync(IMediaStore media, string destination)
    {
        Directory.CreateDirectory(destination);
        var copied = 0;
        foreach (var (name, _) in media.List().Where(f => MediaAccess.IsName(f.Name)).ToList())
        {
            var info = media.Find(name);
            if (!info.Exists) continue; // deleted meanwhile: no row of the snapshot names it any more
            await using var source = info.CreateReadStream();
            await using var copy = File.Create(Path.Combine(destination, name));
            await source.CopyToAsync(copy);
            copied++;
        }
        return copied;
    }
}
