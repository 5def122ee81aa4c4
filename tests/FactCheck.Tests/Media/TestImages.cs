using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace FactCheck.Tests.Media;

/// <summary>Real image bytes made by the tests: a small PNG encoder, EXIF injection, and a libvips decoder (NetVips).</summary>
internal static class TestImages
{
    public delegate (byte R, byte G, byte B) Paint(int x, int y);

    /// <summary>A colourful pattern with no black pixels, so any redaction is visible everywhere.</summary>
    public static (byte, byte, byte) Pattern(int x, int y) => ((byte)(128 + x * 7 % 128), (byte)(128 + y * 5 % 128), (byte)(200 - (x + y) % 50));

    /// <summary>A chat app look: a header bar, then message bubbles whose sizes and sides depend on the seed.</summary>
    public static Paint Chat(int seed)
    {
        var random = new Random(seed);
        var bubbles = Enumerable.Range(0, 9).Select(i => (Top: 120 + i * 125, Height: random.Next(50, 110), Left: random.Next(2) == 0, Width: random.Next(250, 560))).ToArray();
        return (x, y) =>
        {
            if (y < 90) return (7, 94, 84);
            foreach (var b in bubbles)
                if (y >= b.Top && y < b.Top + b.Height && (b.Left ? x >= 20 && x < 20 + b.Width : x >= 700 - b.Width && x < 700))
                    return b.Left ? ((byte)255, (byte)255, (byte)255) : ((byte)220, (byte)248, (byte)198);
            return (236, 229, 221);
        };
    }

    public static byte[] Png(int width, int height, Paint paint)
    {
        var raw = new byte[(width * 3 + 1) * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = paint(x, y);
                var at = y * (width * 3 + 1) + 1 + x * 3;
                raw[at] = r; raw[at + 1] = g; raw[at + 2] = b;
            }
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
        return PngFile(width, height, compressed.ToArray());
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> over a tiny body.</summary>
    public static byte[] PngFile(int width, int height, byte[] idat)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 2; // 8-bit RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeAndData));
        stream.Write(length);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>
    /// Inserts an EXIF APP1 segment after the JPEG's SOI: camera make, orientation and a GPS position,
    /// as a phone would write them.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort orientation)
    {
        // Little-endian TIFF: IFD0 (Make, Orientation, GPS pointer) then the GPS IFD (lat/long refs and values).
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(long v) { for (var i = 0; i < 4; i++) tiff.Add((byte)(v >> (8 * i))); }
        tiff.AddRange("II"u8.ToArray()); U16(42); U32(8);
        const int ifd0 = 8, ifd0Entries = 3;
        var makeOffset = ifd0 + 2 + ifd0Entries * 12 + 4;
        var make = Encoding.ASCII.GetBytes("TestPhone\0");
        var gpsOffset = makeOffset + make.Length;
        U16(ifd0Entries);
        U16(0x010F); U16(2); U32(make.Length); U32(makeOffset);          // Make
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);            // Orientation
        U16(0x8825); U16(4); U32(1); U32(gpsOffset);                      // GPS IFD pointer
        U32(0);
        tiff.AddRange(make);
        const int gpsEntries = 4;
        var rationals = gpsOffset + 2 + gpsEntries * 12 + 4;
        U16(gpsEntries);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef
        U16(0x0002); U16(5); U32(3); U32(rationals);                      // GPSLatitude
        U16(0x0003); U16(2); U32(2); tiff.AddRange("E\0\0\0"u8.ToArray()); // GPSLongitudeRef
        U16(0x0004); U16(5); U32(3); U32(rationals + 24);                 // GPSLongitude
        U32(0);
        foreach (var (num, den) in new[] { (50, 1), (27, 1), (0, 1), (30, 1), (31, 1), (0, 1) }) { U32(num); U32(den); }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    /// <summary>
    /// A JPEG or WebP written by libvips with everything a phone or an editing app attaches: an XMP packet
    /// (with a GPS position) and an ICC colour profile.
    /// </summary>
    public static byte[] WithXmpAndIcc(int width, int height, string format)
    {
        using var pattern = (NetVips.Image.Xyz(width, height)[0] * 255 / width).Bandjoin(NetVips.Image.Xyz(width, height)[1] * 255 / height, 180)
            .Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        // Converting with an output profile attaches that profile to the image.
        using var tagged = pattern.IccTransform("srgb", inputProfile: "srgb").Cast(NetVips.Enums.BandFormat.Uchar);
        var xmp = Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>" +
            "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='50,27.0N' exif:GPSLongitude='30,31.0E'/></rdf:RDF></x:xmpmeta>");
        using var image = tagged.Mutate(m => m.Set(NetVips.GValue.BlobType, "xmp-data", xmp));
        return format == "webp"
            ? image.WebpsaveBuffer(q: 90, keep: NetVips.Enums.ForeignKeep.All)
            : image.JpegsaveBuffer(q: 90, keep: NetVips.Enums.ForeignKeep.All);
    }

    /// <summary>A camera-sized JPEG: light sky at the top fading to dark ground, with some noise.</summary>
    public static byte[] Photo(int width, int height)
    {
        using var y = NetVips.Image.Xyz(width, height)[1];
        using var noise = NetVips.Image.Gaussnoise(width, height, sigma: 8);
        using var sky = 230 - y * 180 / height + noise;
        using var photo = sky.Bandjoin(sky * 0.9, sky * 0.7 + 40).Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: 85);
    }

    /// <summary>A 64×48 HEIC (HEVC-coded) photo as an iPhone saves them, made once with Debian's heif-enc.</summary>
    public static byte[] Heic => Convert.FromBase64String("AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAaxtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHQAAEAAAAAAAAARgACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADXaXBycAAAALVpcGNvAAAAdWh2Y0MBBAgAAAAAAAAAAAAe8AD8/fr6AAAPAyAAAQAXQAEMAf//BAgAAAMAnbgAAAMAAB66AkAhAAEAKkIBAQQIAAADAJ24AAADAAAeoCCBBNlurkprm4EBAwIAAAMAAgAAAwACECIAAQAGRAHBc8CJAAAAFGlzcGUAAAAAAAAAQAAAAEAAAAAUaXNwZQAAAAAAAABAAAAAMAAAABBwaXhpAAAAAAMKCgoAAAAaaXBtYQAAAAAAAAACAAECgQIAAgIDhAAAABppcmVmAAAAAAAAAA5kaW1nAAIAAQABAAAATm1kYXQAAABCKAGvE4D1Zsp2s9Z7f+0xWG5viMvluSSssyQFFCs9tLdxauTN9qCeyZKIdyG4sdX3xSpJ0sjWTk6RsMDhqKHTbwxO");

    /// <summary>Decodes any image libvips reads into its pixels (8-bit sRGB for everything we publish).</summary>
    public static (byte[] Pixels, int Width, int Height, int Bands) Decode(byte[] bytes)
    {
        Assert.Null(ScreenshotProcessor.Unavailable);
        using var image = NetVips.Image.NewFromBuffer(bytes);
        return (image.WriteToMemory<byte>(), image.Width, image.Height, image.Bands);
    }
}
