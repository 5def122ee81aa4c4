using NetVips;
using Image = NetVips.Image;

namespace FactCheck;

/// <summary>
/// Turns untrusted upload bytes into public, metadata-free renditions: sniff the type from the bytes,
/// refuse oversized images from their header, decode once, apply orientation, convert to sRGB, redact,
/// and encode WebP plus a JPEG (or PNG when the image has transparency) fallback at each width.
/// Every file is written with libvips's keep=none, so no EXIF, GPS, XMP, IPTC or ICC data survives.
/// Uses NetVips with the libvips it bundles (NetVips.Native): no system package, no optional modules.
/// </summary>
public sealed class ScreenshotProcessor(MediaOptions options)
{
    // Decoding is memory-hungry; as many at once as there are cores is plenty for an editorial team.
    private static readonly SemaphoreSlim slots = new(Environment.ProcessorCount);

    private static readonly Lazy<string?> startup = new(Start);

    /// <summary>Why libvips cannot be used on this machine, or null when it is ready.</summary>
    public static string? Unavailable => startup.Value;

    /// <summary>The libvips in use, for /health ("8.18.7").</summary>
    public static string LibraryVersion => $"{NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)}";

    /// <summary>Why images cannot be processed, or null; tests replace it to see the site without libvips.</summary>
    internal Func<string?> Availability { get; init; } = () => startup.Value;

    private static string? Start()
    {
        try
        {
            if (!ModuleInitializer.VipsInitialized)
                return "libvips could not be loaded: " + (ModuleInitializer.Exception?.Message ?? "unknown reason");
            // Only loaders libvips considers safe for untrusted input: no ImageMagick, PDF, SVG, FITS, Matlab, CSV…
            NetVips.NetVips.BlockUntrusted = true;
            // Each upload is processed once: the operation cache would only hold decoded images in memory.
            Cache.Max = 0;
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            return "libvips could not be loaded: " + e.Message;
        }
    }

    /// <summary>What the bytes are, from their signature (never from a file name or declared type).</summary>
    public static ImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return ImageFormat.Jpeg;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        if (bytes.Length >= 6 && (bytes[..6].SequenceEqual("GIF87a"u8) || bytes[..6].SequenceEqual("GIF89a"u8))) return ImageFormat.Gif;
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = bytes[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("hevc"u8))
                return ImageFormat.Heic;
        }
        return null;
    }

    /// <param name="fileName">The uploaded name, when there is one: an image extension that contradicts the bytes is refused,
    /// because such a file was usually renamed by hand and the editor should know what they are publishing.</param>
    public Task<ProcessedImage> ProcessAsync(byte[] bytes, IReadOnlyList<Redaction> redactions, string? fileName = null, CancellationToken cancellationToken = default) =>
        RunAsync(Check(bytes, fileName), cancellationToken, format =>
        {
            var header = Open(bytes, format);
            if (redactions.Count == 0)
            {
                // Nothing to burn in at full size: decode straight at (about) the largest width we publish.
                using var shrunk = Shrunk(bytes, format, header, Math.Min(header.Width, options.Widths.Max()));
                return Variants(shrunk, Hash(shrunk), header.Width, header.Height);
            }
            var image = Decode(bytes);
            long hash;
            using (var original = FromPixels(image)) hash = Hash(original);
            foreach (var redaction in redactions) Redact(image.Pixels, image.Width, image.Height, image.Bands, redaction);
            using var clean = FromPixels(image);
            return Variants(clean, hash, header.Width, header.Height);
        });

    /// <summary>
    /// Checks and decodes an upload into the private copy an editor redacts before anything is public:
    /// upright, sRGB, every byte of metadata gone, lossless (so redacting and re-encoding later loses nothing).
    /// </summary>
    public Task<StagedImage> StageAsync(byte[] bytes, string? fileName = null, CancellationToken cancellationToken = default) =>
        RunAsync(Check(bytes, fileName), cancellationToken, format =>
        {
            Open(bytes, format);
            var image = Decode(bytes);
            using var clean = FromPixels(image);
            return new StagedImage(image.Width, image.Height, Hash(clean), EncodePng(clean));
        });

    /// <summary>Burns redactions into a staged PNG (one of ours: no size limit, it is already decoded once).</summary>
    public Task<byte[]> RedactStagedAsync(byte[] png, IReadOnlyList<Redaction> redactions, CancellationToken cancellationToken = default) =>
        RunAsync(ImageFormat.Png, cancellationToken, _ =>
        {
            var image = Decode(png);
            foreach (var redaction in redactions) Redact(image.Pixels, image.Width, image.Height, image.Bands, redaction);
            using var clean = FromPixels(image);
            return EncodePng(clean);
        });

    /// <summary>The public renditions of a staged PNG, whose hash the caller already has.</summary>
    public Task<ProcessedImage> PublishStagedAsync(byte[] png, long perceptualHash, CancellationToken cancellationToken = default) =>
        RunAsync(ImageFormat.Png, cancellationToken, _ =>
        {
            var image = Decode(png);
            using var clean = FromPixels(image);
            return Variants(clean, perceptualHash, image.Width, image.Height);
        });

    /// <summary>Everything decided before a pixel is decoded: emptiness, size, type from the bytes, a name that contradicts them.</summary>
    private ImageFormat Check(byte[] bytes, string? fileName)
    {
        if (Availability() is { } problem) throw new MediaUnavailableException(problem);
        if (bytes.Length == 0) throw new MediaRejectedException(MediaProblem.Empty, "The file is empty.");
        if (bytes.Length > options.MaxUploadBytes)
            throw new MediaRejectedException(MediaProblem.TooLarge,
                $"The file is {bytes.Length / 1048576.0:0.0} MB; the limit is {options.MaxUploadBytes / 1048576.0:0.#} MB.",
                Megabytes(bytes.Length), Megabytes(options.MaxUploadBytes));
        var format = Sniff(bytes) ?? throw new MediaRejectedException(MediaProblem.NotAnImage,
            "This is not a PNG, JPEG, WebP, GIF or HEIC image. SVG and other formats are not accepted.");
        if (FormatOfName(fileName) is { } named && named != format)
            throw new MediaRejectedException(MediaProblem.Renamed,
                $"The file is named {Path.GetExtension(fileName)} but it is a {format} image. Export it again or correct the name.",
                Path.GetExtension(fileName)!, format.ToString());
        return format;
    }

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> RunAsync<T>(ImageFormat format, CancellationToken cancellationToken, Func<ImageFormat, T> work)
    {
        if (Availability() is { } problem) throw new MediaUnavailableException(problem);
        await slots.WaitAsync(cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return work(format);
        }
        catch (VipsException e)
        {
            throw format == ImageFormat.Heic
                ? HeicUnsupported()
                : new MediaRejectedException(MediaProblem.Unreadable, $"The image could not be read ({FirstLine(e.Message)}). It may be truncated or damaged.");
        }
        finally
        {
            slots.Release();
            SiteMetrics.ImageProcessing.Record(clock.Elapsed.TotalMilliseconds);
        }
    }

    private static string FirstLine(string message) => message.Trim().Split('\n')[0];

    // The bundled libvips reads HEIF containers but carries no HEVC decoder (a patent-encumbered codec).
    private static MediaRejectedException HeicUnsupported() =>
        new(MediaProblem.HeicUnsupported, "HEIC images cannot be read on this server; export the screenshot as PNG or JPEG.");

    /// <summary>The upload's size as readers see it (orientation applied), and whether it is stored a quarter-turn from that.</summary>
    private sealed record Header(int Width, int Height, bool QuarterTurn);

    /// <summary>
    /// Reads only the header: the loader libvips would pick must agree with the signature we sniffed (a PNG
    /// renamed .jpg is fine, bytes that only pretend to be one format are not), and the pixel limit applies
    /// before anything is decoded.
    /// </summary>
    private Header Open(byte[] bytes, ImageFormat format)
    {
        var loader = Image.FindLoadBuffer(bytes) ?? "";
        if (!loader.Contains(LoaderName(format), StringComparison.OrdinalIgnoreCase))
            throw format == ImageFormat.Heic
                ? HeicUnsupported()
                : new MediaRejectedException(MediaProblem.Disguised, $"The file starts like a {format} image but cannot be read as one.", format.ToString());

        using var header = Image.NewFromBuffer(bytes, failOn: Enums.FailOn.Warning);
        if ((long)header.Width * header.Height > options.MaxPixels)
            throw new MediaRejectedException(MediaProblem.TooManyPixels,
                $"The image is {header.Width} × {header.Height} pixels; the limit is {options.MaxPixels / 1_000_000.0:0.#} megapixels.",
                header.Width, header.Height, (options.MaxPixels / 1_000_000.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        // EXIF orientations 5–8 turn the image a quarter.
        var quarterTurn = header.Contains("orientation") && header.Get("orientation") is int orientation && orientation >= 5;
        return quarterTurn ? new Header(header.Height, header.Width, true) : new Header(header.Width, header.Height, false);
    }

    /// <summary>Upright 8-bit sRGB pixels, one or more bands per pixel.</summary>
    private sealed record Decoded(byte[] Pixels, int Width, int Height, int Bands);

    /// <summary>Every pixel, upright and sRGB, for redaction and staging.</summary>
    private static Decoded Decode(byte[] bytes)
    {
        using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential, failOn: Enums.FailOn.Warning);
        using var upright = image.Autorot();
        return ReadPixels(upright);
    }

    /// <summary>
    /// The upload upright and sRGB at <paramref name="width"/>, held in libvips's memory. JPEG and WebP are
    /// shrunk while decoding (a 4000 px JPEG is read at ½ scale straight from its DCT coefficients), then
    /// resized exactly; the decode streams, so the full-size pixels never sit in memory at once.
    /// </summary>
    private static Image Shrunk(byte[] bytes, ImageFormat format, Header header, int width)
    {
        // Shrink-on-load by the largest factor that still leaves at least the wanted width.
        var shrink = new[] { 8, 4, 2, 1 }.First(factor => factor == 1 || header.Width / factor >= width);
        var loadOptions = format switch
        {
            ImageFormat.Jpeg => $"shrink={shrink}",
            ImageFormat.WebP => FormattableString.Invariant($"scale={1.0 / shrink}"),
            _ => "",
        };
        using var loaded = Image.NewFromBuffer(bytes, loadOptions, access: Enums.Access.Sequential, failOn: Enums.FailOn.Warning);
        using var srgb = ToSrgb(loaded);
        var loadedWidth = header.QuarterTurn ? srgb.Height : srgb.Width;
        using var resized = loadedWidth == width ? null : srgb.Resize((double)width / loadedWidth);
        using var decoded = (resized ?? srgb).CopyMemory();
        // Turned after decoding, as rotating needs the whole image (now the small one); a quarter turn
        // of an image in memory costs nothing until it is read.
        return decoded.Autorot();
    }

    private static Decoded ReadPixels(Image image)
    {
        using var srgb = ToSrgb(image);
        return new Decoded(srgb.WriteToMemory<byte>(), srgb.Width, srgb.Height, srgb.Bands);
    }

    /// <summary>
    /// The perceptual hash from a copy at most 480 px wide: the hash averages 72 cells, so nothing finer
    /// matters, and every path (shrunk on load or decoded in full) hashes the same way.
    /// </summary>
    private static long Hash(Image image)
    {
        using var small = image.Width > HashWidth ? image.Resize((double)HashWidth / image.Width) : null;
        var sized = small ?? image;
        return PerceptualHash.Compute(sized.WriteToMemory<byte>(), sized.Width, sized.Height, sized.Bands);
    }

    private const int HashWidth = 480;

    private static Image FromPixels(Decoded image) =>
        Image.NewFromMemory(image.Pixels, image.Width, image.Height, image.Bands, Enums.BandFormat.Uchar);

    /// <summary>Fast deflate: the staged copy lives minutes, on the server's own disk.</summary>
    private static byte[] EncodePng(Image image) => image.PngsaveBuffer(compression: 1, keep: Enums.ForeignKeep.None);

    /// <summary>WebP plus a JPEG (PNG when there is transparency) at each width, none carrying metadata.</summary>
    /// <param name="clean">Upright sRGB pixels in memory, possibly a shrunk copy of the upload.</param>
    /// <param name="width">The upright width of the upload.</param>
    /// <param name="height">The upright height of the upload.</param>
    private ProcessedImage Variants(Image clean, long hash, int width, int height)
    {
        var hasAlpha = clean.Bands == 4 && clean[3].Min() < 255;
        var variants = new List<ImageVariant>();
        foreach (var target in TargetWidths(clean.Width))
        {
            using var resized = target == clean.Width ? null : clean.Resize((double)target / clean.Width);
            var sized = resized ?? clean;
            variants.Add(new("image/webp", ".webp", sized.Width, sized.Height, sized.WebpsaveBuffer(q: 80, keep: Enums.ForeignKeep.None)));
            variants.Add(hasAlpha
                ? new("image/png", ".png", sized.Width, sized.Height, sized.PngsaveBuffer(compression: 6, keep: Enums.ForeignKeep.None))
                : new("image/jpeg", ".jpg", sized.Width, sized.Height, sized.JpegsaveBuffer(q: 85, optimizeCoding: true, keep: Enums.ForeignKeep.None)));
        }
        return new ProcessedImage(width, height, hash, variants);
    }

    /// <summary>Widths to produce for an image <paramref name="width"/> pixels wide: never upscaled.</summary>
    public IEnumerable<int> TargetWidths(int width) =>
        options.Widths.Where(w => w < width).Append(Math.Min(width, options.Widths.Max())).Distinct().Order();

    private static ImageFormat? FormatOfName(string? fileName) => Path.GetExtension(fileName)?.ToLowerInvariant() switch
    {
        ".png" => ImageFormat.Png,
        ".jpg" or ".jpeg" => ImageFormat.Jpeg,
        ".webp" => ImageFormat.WebP,
        ".gif" => ImageFormat.Gif,
        ".heic" or ".heif" => ImageFormat.Heic,
        _ => null,
    };

    private static string LoaderName(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpeg",
        ImageFormat.WebP => "webp",
        ImageFormat.Gif => "gif",
        _ => "heif",
    };

    private static Image ToSrgb(Image image)
    {
        // Apply an embedded colour profile (e.g. Display P3 from phones) before the profile is dropped.
        using var transformed = image.Contains("icc-profile-data") ? TryIccTransform(image) : null;
        using var coloured = (transformed ?? image).Colourspace(Enums.Interpretation.Srgb);
        return coloured.Cast(Enums.BandFormat.Uchar);
    }

    private static Image? TryIccTransform(Image image)
    {
        try { return image.IccTransform("srgb"); }
        catch (VipsException) { return null; } // a broken profile: use the pixels as they are
    }

    /// <summary>Black box: every channel 0 (opaque). Pixelate: blocks large enough that text cannot be read.</summary>
    public static void Redact(byte[] pixels, int width, int height, int bands, Redaction redaction)
    {
        var left = Math.Clamp(redaction.X, 0, width);
        var top = Math.Clamp(redaction.Y, 0, height);
        var right = Math.Clamp(redaction.X + redaction.Width, 0, width);
        var bottom = Math.Clamp(redaction.Y + redaction.Height, 0, height);
        if (right <= left || bottom <= top) return;

        if (redaction.Style == RedactionStyle.BlackBox)
        {
            for (var y = top; y < bottom; y++)
                for (var x = left; x < right; x++)
                {
                    var at = (y * width + x) * bands;
                    for (var b = 0; b < bands; b++) pixels[at + b] = b == 3 ? (byte)255 : (byte)0;
                }
            return;
        }

        // At least 16 px, and at least a twelfth of the image width: a phone screenshot's text line is ~40 px.
        var block = Math.Max(16, width / 12);
        var sums = new long[bands];
        for (var by = top; by < bottom; by += block)
            for (var bx = left; bx < right; bx += block)
            {
                var ey = Math.Min(by + block, bottom);
                var ex = Math.Min(bx + block, right);
                Array.Clear(sums);
                for (var y = by; y < ey; y++)
                    for (var x = bx; x < ex; x++)
                        for (var b = 0; b < bands; b++) sums[b] += pixels[(y * width + x) * bands + b];
                var count = (ey - by) * (ex - bx);
                for (var y = by; y < ey; y++)
                    for (var x = bx; x < ex; x++)
                        for (var b = 0; b < bands; b++) pixels[(y * width + x) * bands + b] = (byte)(sums[b] / count);
            }
    }
}
