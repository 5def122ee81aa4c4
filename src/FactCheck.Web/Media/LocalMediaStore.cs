using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
namespace FactCheck;

/// <summary>Media in a local folder, {DataPath}/media by default; several instances share it by mounting one folder there.</summary>
public sealed partial class LocalMediaStore : IMediaStore
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

    /// <summary>Writes a content-named file unless it is there already.</summary>
    internal static async Task WriteOnceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        if (File.Exists(path)) return;
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

    /// <summary>Only names the library makes (hex hash, extension) reach the file system: no paths, no "..".</summary>
    private string PathOf(string name) =>
        MediaName().IsMatch(name) ? Path.Combine(folder, name) : throw new ArgumentException($"'{name}' is not a media file name", nameof(name));

    [GeneratedRegex(@"^[0-9a-f]{16,64}\.[a-z0-9]{2,10}$")]
    private static partial Regex MediaName();
}
