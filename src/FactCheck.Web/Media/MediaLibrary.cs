using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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

    private string? OriginalsFolder => options.KeepOriginalsPath is { Length: > 0 } keep ? Path.GetFullPath(keep, site.Value.DataPath) : null;

    /// <summary>Content import: processes and stores in one go (sample screenshots need no redaction step).</summary>
    public async Task<Screenshot> AddScreenshotAsync(byte[] bytes, string altText, string? caption,
        IReadOnlyList<Redaction>? redactions = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var image = await processor.ProcessAsync(bytes, redactions ?? [], fileName, cancellationToken);
        return new Screenshot
        {
            AltText = altText,
            Caption = caption,
            Width = image.Width,
            Height = image.Height,
            PerceptualHash = image.PerceptualHash,
            OriginalFileName = await KeepOriginalAsync(bytes, cancellationToken),
            Redactions = redactions is { Count: > 0 } ? ScreenshotStaging.ToJson(redactions) : null,
            Files = await StoreVariantsAsync(image, cancellationToken),
        };
    }

    public async Task<List<ScreenshotFile>> StoreVariantsAsync(ProcessedImage image, CancellationToken cancellationToken = default)
    {
        var files = new List<ScreenshotFile>();
        foreach (var variant in image.Variants)
        {
            var name = await StoreAsync(Folder, variant.Bytes, variant.Extension, cancellationToken);
            files.Add(new ScreenshotFile
            {
                FileName = name, ContentType = variant.ContentType, Width = variant.Width, Height = variant.Height, Length = variant.Bytes.Length,
            });
        }
        return files;
    }

    /// <summary>Keeps the unredacted upload for legal holds when Media:KeepOriginalsPath is set; returns its name, or null.</summary>
    public async Task<string?> KeepOriginalAsync(byte[]? bytes, CancellationToken cancellationToken = default) =>
        bytes is not null && OriginalsFolder is { } folder ? await StoreAsync(folder, bytes, ".original", cancellationToken) : null;

    public async Task<byte[]?> ReadOriginalAsync(string? name, CancellationToken cancellationToken = default) =>
        name is not null && OriginalsFolder is { } folder && File.Exists(Path.Combine(folder, Path.GetFileName(name)))
            ? await File.ReadAllBytesAsync(Path.Combine(folder, Path.GetFileName(name)), cancellationToken)
            : null;

    public string PathOf(ScreenshotFile file) => Path.Combine(Folder, file.FileName);

    /// <summary>
    /// After a screenshot was removed or redacted again (and committed): deletes its old files unless
    /// another screenshot uses the same bytes — names are content hashes, so two uploads of one image share them.
    /// </summary>
    public async Task DeleteUnusedAsync(AppDbContext db, IEnumerable<string> fileNames, string? originalName)
    {
        foreach (var name in fileNames.Distinct())
            if (!await db.ScreenshotFiles.AnyAsync(f => f.FileName == name))
                File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
        if (originalName is not null && OriginalsFolder is { } folder && !await db.Screenshots.AnyAsync(s => s.OriginalFileName == originalName))
            File.Delete(Path.Combine(folder, Path.GetFileName(originalName)));
    }

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
