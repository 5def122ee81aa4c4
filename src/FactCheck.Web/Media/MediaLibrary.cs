using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Public screenshot files in {DataPath}/media, named by the SHA-256 of their bytes: a name never
/// changes meaning, so the files are served with immutable caching. Only processed (metadata-free,
/// redacted) renditions are written here; an unredacted original goes to Media:KeepOriginalsPath
/// when a desk keeps them for legal holds, and nowhere otherwise.
/// </summary>
public sealed class MediaLibrary(IOptions<SiteOptions> site, MediaOptions options, ScreenshotProcessor processor)
{
    public string Folder => Path.Combine(site.Value.DataPath, "media");

    public async Task<Screenshot> AddScreenshotAsync(byte[] bytes, string altText, string? caption,
        IReadOnlyList<Redaction>? redactions = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var image = await processor.ProcessAsync(bytes, redactions ?? [], fileName, cancellationToken);
        var files = new List<ScreenshotFile>();
        foreach (var variant in image.Variants)
        {
            var name = await StoreAsync(Folder, variant.Bytes, variant.Extension, cancellationToken);
            files.Add(new ScreenshotFile
            {
                FileName = name, ContentType = variant.ContentType, Width = variant.Width, Height = variant.Height, Length = variant.Bytes.Length,
            });
        }
        string? original = null;
        if (options.KeepOriginalsPath is { Length: > 0 } keep)
            original = await StoreAsync(Path.GetFullPath(keep, site.Value.DataPath), bytes, ".original", cancellationToken);

        return new Screenshot
        {
            AltText = altText,
            Caption = caption,
            Width = image.Width,
            Height = image.Height,
            PerceptualHash = image.PerceptualHash,
            OriginalFileName = original,
            Files = files,
        };
    }

    public string PathOf(ScreenshotFile file) => Path.Combine(Folder, file.FileName);

    private static async Task<string> StoreAsync(string folder, byte[] bytes, string extension, CancellationToken cancellationToken)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + extension;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            // Written aside and renamed, so a reader never gets half a file.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return name;
    }
}
