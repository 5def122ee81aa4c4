using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Public screenshot files in the media store (<see cref="IMediaStore"/>, {DataPath}/media by default),
/// named by the SHA-256 of their bytes: a name never changes meaning, so the files are served with
/// immutable caching. Only processed (metadata-free, redacted) renditions are written there; an
/// unredacted original goes to Media:KeepOriginalsPath when a desk keeps them for legal holds, and
/// nowhere otherwise.
/// </summary>
public sealed class MediaLibrary(IOptions<SiteOptions> site, MediaOptions options, ScreenshotProcessor processor, IMediaStore store)
{
    public IMediaStore Store => store;

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
            var name = NameOf(variant.Bytes, variant.Extension);
            await store.SaveAsync(name, variant.Bytes, cancellationToken);
            files.Add(new ScreenshotFile
            {
                FileName = name, ContentType = variant.ContentType, Width = variant.Width, Height = variant.Height, Length = variant.Bytes.Length,
            });
        }
        return files;
    }

    /// <summary>The content-hash name of a file: a name never changes meaning.</summary>
    public static string NameOf(byte[] bytes, string extension) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + extension;

    /// <summary>Keeps the unredacted upload for legal holds when Media:KeepOriginalsPath is set; returns its name, or null.</summary>
    public async Task<string?> KeepOriginalAsync(byte[]? bytes, CancellationToken cancellationToken = default) =>
        bytes is not null && OriginalsFolder is { } folder ? await StoreAsync(folder, bytes, ".original", cancellationToken) : null;

    public async Task<byte[]?> ReadOriginalAsync(string? name, CancellationToken cancellationToken = default) =>
        name is not null && OriginalsFolder is { } folder && File.Exists(Path.Combine(folder, Path.GetFileName(name)))
            ? await File.ReadAllBytesAsync(Path.Combine(folder, Path.GetFileName(name)), cancellationToken)
            : null;

    /// <summary>The bytes of a stored rendition, or null when the store no longer has it.</summary>
    public async Task<byte[]?> ReadVariantAsync(ScreenshotFile file, CancellationToken cancellationToken = default)
    {
        if (!store.Exists(file.FileName)) return null;
        await using var stream = store.Open(file.FileName);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>
    /// After a screenshot was removed or redacted again (and committed): deletes its old files unless
    /// another screenshot uses the same bytes — names are content hashes, so two uploads of one image share them.
    /// </summary>
    public async Task DeleteUnusedAsync(AppDbContext db, IEnumerable<string> fileNames, string? originalName)
    {
        foreach (var name in fileNames.Distinct())
            if (!await db.ScreenshotFiles.AnyAsync(f => f.FileName == name))
                await store.DeleteAsync(name);
        if (originalName is not null && OriginalsFolder is { } folder && !await db.Screenshots.AnyAsync(s => s.OriginalFileName == originalName))
            File.Delete(Path.Combine(folder, Path.GetFileName(originalName)));
    }

    private static async Task<string> StoreAsync(string folder, byte[] bytes, string extension, CancellationToken cancellationToken)
    {
        var name = NameOf(bytes, extension);
        Directory.CreateDirectory(folder);
        await LocalMediaStore.WriteOnceAsync(Path.Combine(folder, name), bytes, cancellationToken);
        return name;
    }
}
