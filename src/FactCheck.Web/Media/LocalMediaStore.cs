using Microsoft.Extensions.FileProviders;
namespace FactCheck;

/// <summary>Media in a local folder, {DataPath}/media by default; several instances share it by mounting one folder there.</summary>
public sealed class LocalMediaStore : IMediaStore
{
    private readonly string folder;
    private readonly PhysicalFileProvider files;

    public LocalMediaStore(string folder)
    {
        this.folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(this.folder);
        files = new PhysicalFileProvider(this.folder);
    }

    public IFileProvider Files => files;

    public IFileInfo Find(string name) => files.GetFileInfo(name);

    public Task SaveAsync(string name, byte[] bytes, CancellationToken cancellationToken = default) =>
        WriteOnceAsync(PathOf(name), bytes, cancellationToken);

    public IEnumerable<(string Name, DateTime LastWriteUtc)> List() =>
        new DirectoryInfo(folder).EnumerateFiles().Select(file => (file.Name, file.LastWriteTimeUtc));

    /// <summary>Writes a content-named file unless it is there already.</summary>
    internal static async Task WriteOnceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            // Used again: it counts as new, so the orphan sweep cannot take it before the row naming it commits.
            try { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            if (File.Exists(path)) return;
        }
        // Written aside and renamed, so a reader (on any instance) never gets half a file.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    /// <summary>Only names the library and the share cards make (hex hash, extension, or a temporary copy of one) reach the file system: no paths, no "..".</summary>
    private string PathOf(string name) =>
        MediaAccess.IsName(name) || MediaAccess.IsShareCard(name) || MediaSweep.IsTemporary(name) ? Path.Combine(folder, name) : throw new ArgumentException($"'{name}' is not a media file name", nameof(name));
}
