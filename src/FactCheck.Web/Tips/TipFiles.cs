using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Tip screenshots: the metadata-free PNG the image pipeline made, in {DataPath}/tips under its content
/// hash — never in the public media folder, never served but to the back-office.
/// </summary>
public sealed class TipFiles(IOptions<SiteOptions> site)
{
    public string Folder => Path.Combine(site.Value.DataPath, "tips");

    public async Task<string> SaveAsync(byte[] png, CancellationToken cancellationToken = default)
    {
        var name = MediaLibrary.NameOf(png, ".png");
        Directory.CreateDirectory(Folder);
        await LocalMediaStore.WriteOnceAsync(PathOf(name), png, cancellationToken);
        return name;
    }

    public async Task<byte[]?> ReadAsync(string? name, CancellationToken cancellationToken = default) =>
        name is not null && File.Exists(PathOf(name)) ? await File.ReadAllBytesAsync(PathOf(name), cancellationToken) : null;

    public void Delete(string name)
    {
        if (File.Exists(PathOf(name))) File.Delete(PathOf(name));
    }

    // Names are hashes the app made; anything else never reaches the file system.
    private string PathOf(string name) =>
        name.Length is > 4 and <= 100 && name.EndsWith(".png", StringComparison.Ordinal) && name[..^4].All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, name)
            : throw new ArgumentException($"'{name}' is not a tip file name", nameof(name));
}
