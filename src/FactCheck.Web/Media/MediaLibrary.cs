using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Stores screenshot files in {DataPath}/media under content-hash names.
/// (Walking-skeleton version: keeps PNG/JPEG bytes as they are; the libvips pipeline replaces it.)
/// </summary>
public sealed class MediaLibrary(IOptions<SiteOptions> site)
{
    public string Folder => Path.Combine(site.Value.DataPath, "media");

    public async Task<Screenshot> AddScreenshotAsync(byte[] bytes, string altText, string? caption, CancellationToken cancellationToken = default)
    {
        var (contentType, extension, width, height) = ReadHeader(bytes)
            ?? throw new MediaRejectedException("the file is not a PNG or JPEG image");
        var name = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + extension;
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        return new Screenshot
        {
            AltText = altText,
            Caption = caption,
            Width = width,
            Height = height,
            Files = [new ScreenshotFile { FileName = name, ContentType = contentType, Width = width, Height = height, Length = bytes.Length }],
        };
    }

    private static (string ContentType, string Extension, int Width, int Height)? ReadHeader(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.Length > 24 && bytes.StartsWith(png))
            return ("image/png", ".png", BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
        return null;
    }
}

/// <summary>An upload or content image we refuse, with a message meant for the editor.</summary>
public sealed class MediaRejectedException(string message) : Exception(message);
