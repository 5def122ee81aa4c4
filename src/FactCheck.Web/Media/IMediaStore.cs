using Microsoft.Extensions.FileProviders;

namespace FactCheck;

/// <summary>
/// Where the public media files live, by content-hash name (MediaLibrary names them). Behind this
/// interface so that several instances of the site can share one store: today a folder (on one machine,
/// or a shared mount), later perhaps object storage, without touching the image pipeline or /media.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores <paramref name="bytes"/> as <paramref name="name"/>. A name is a content hash: if it exists, it already holds these bytes.</summary>
    Task SaveAsync(string name, byte[] bytes, CancellationToken cancellationToken = default);

    /// <summary>The file called <paramref name="name"/>: whether it exists, its length, its bytes.</summary>
    IFileInfo Find(string name);

    bool Exists(string name) => Find(name).Exists;

    Stream Open(string name) => Find(name).CreateReadStream();

    /// <summary>Removes the file; a name that is not there is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The files as the static-file middleware serves them at /media (ranges, ETag, conditional GET).</summary>
    IFileProvider Files { get; }

    /// <summary>Every file in the store with when it was last written — temporary ones a crash left behind included (MediaSweep).</summary>
    IEnumerable<(string Name, DateTime LastWriteUtc)> List();
}
