using System.Buffers.Binary;

namespace FactCheck;

/// <summary>
/// libvips 8.14 writes an EXIF chunk into WebP files even when asked to strip metadata (its CLI does
/// the same), so WebP output is cleaned here: EXIF, XMP and ICC chunks are dropped from the RIFF
/// container and the VP8X flags that announce them are cleared.
/// </summary>
public static class WebPContainer
{
    private const byte IccFlag = 0x20, ExifFlag = 0x08, XmpFlag = 0x04;

    public static byte[] StripMetadata(byte[] webp)
    {
        if (webp.Length < 12 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
            throw new ArgumentException("not a WebP file", nameof(webp));

        using var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var position = 12;
        while (position + 8 <= webp.Length)
        {
            var type = webp.AsSpan(position, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(position + 4));
            var total = 8 + size + (size & 1);
            if (position + total > webp.Length) total = webp.Length - position;
            var keep = !(type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8) || type.SequenceEqual("ICCP"u8));
            if (keep)
            {
                var chunk = webp.AsSpan(position, total).ToArray();
                if (type.SequenceEqual("VP8X"u8) && chunk.Length > 8) chunk[8] &= unchecked((byte)~(IccFlag | ExifFlag | XmpFlag));
                output.Write(chunk);
            }
            position += total;
        }
        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
