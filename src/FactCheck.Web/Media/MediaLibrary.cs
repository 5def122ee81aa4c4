using System.Security.Cryptography;
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

    public async Task<Screenshot> AddScreenshotAsync(byte[] bytes, string altText, string? caption,
        IReadOnlyList<Redaction>? redactions = null, string? fileName = null, CancellationToken cancellationToken = default)
    {
        var image = await processor.ProcessAsync(bytes, redactions ?? [], fileName, cancellationToken);
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

    /// <summary>The content-hash name of a file: a name never changes meaning.</summary>
    public static string NameOf(byte[] bytes, string extension) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + extension;

    private static async Task<string> StoreAsync(string folder, byte[] bytes, string extension, CancellationToken cancellationToken)
    {
        var name = NameOf(bytes, extension);
        Directory.CreateDirectory(folder);
        await LocalMediaStore.WriteOnceAsync(Path.Combine(folder, name), bytes, cancellationToken);
        return name;
    }
}
