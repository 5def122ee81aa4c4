using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace FactCheck.Tests.Media;

public class ScreenshotProcessorTests
{
    private readonly ScreenshotProcessor processor = new(new MediaOptions());

    private async Task<byte[]> JpegAsync(int width, int height)
    {
        var image = await processor.ProcessAsync(TestImages.Png(width, height, TestImages.Pattern), []);
        return image.Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == width).Bytes;
    }

    [Fact]
    public async Task A_phone_photo_loses_its_GPS_position_and_all_EXIF_and_is_turned_upright()
    {
        var photo = TestImages.WithExif(TestImages.WithXmpAndIcc(200, 100, "jpeg"), orientation: 6);
        Assert.NotNull(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>().Single().GetGeoLocation());

        var result = await processor.ProcessAsync(photo, []);

        // Orientation 6 means "rotate 90° clockwise to view": a 200×100 sensor image is 100×200 upright.
        Assert.Equal((100, 200), (result.Width, result.Height));
        foreach (var variant in result.Variants)
        {
            AssertNoMetadata(variant.ContentType, variant.Bytes);
            Assert.Equal((variant.Width, variant.Height), (TestImages.Decode(variant.Bytes).Width, TestImages.Decode(variant.Bytes).Height));
        }
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task No_EXIF_GPS_XMP_or_ICC_survives_in_the_staged_copy_or_any_rendition(string format)
    {
        var upload = TestImages.WithXmpAndIcc(640, 480, format);
        if (format == "jpeg") upload = TestImages.WithExif(upload, orientation: 1);
        var text = System.Text.Encoding.Latin1.GetString(upload);
        Assert.True(text.Contains("xmpmeta", StringComparison.Ordinal) && text.Contains("acsp", StringComparison.Ordinal), "the upload carries XMP and an ICC profile");

        var staged = await processor.StageAsync(upload);
        AssertNoMetadata("staged png", staged.Png);
        foreach (var variant in (await processor.PublishStagedAsync(staged.Png, staged.PerceptualHash)).Variants.Concat((await processor.ProcessAsync(upload, [])).Variants))
            AssertNoMetadata(variant.ContentType, variant.Bytes);
    }

    private static void AssertNoMetadata(string what, byte[] bytes)
    {
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.True(!directories.OfType<ExifIfd0Directory>().Any(), what + ": " + string.Join("; ", directories.SelectMany(d => d.Tags).Select(t => t.ToString())));
        Assert.Empty(directories.OfType<ExifSubIfdDirectory>());
        Assert.DoesNotContain(directories, d => d.Name.Contains("XMP", StringComparison.Ordinal) || d.Name.Contains("IPTC", StringComparison.Ordinal) || d.Name.Contains("ICC", StringComparison.Ordinal));
        // Byte for byte too: the camera name, the XMP packet and an ICC header are nowhere in the file.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        foreach (var trace in new[] { "TestPhone", "xmpmeta", "acsp", "Exif\0\0" })
            Assert.False(text.Contains(trace, StringComparison.Ordinal), $"{what} still contains {trace}");
    }

    [Fact]
    public async Task A_turned_phone_photo_is_staged_upright_for_redaction()
    {
        var photo = TestImages.WithExif(TestImages.Photo(400, 300), orientation: 6);

        var staged = await processor.StageAsync(photo, "photo.jpg");

        // The editor redacts in upright pixels: the staged copy is already turned (sky on the right).
        Assert.Equal((300, 400), (staged.Width, staged.Height));
        var (pixels, width, height, bands) = TestImages.Decode(staged.Png);
        Assert.Equal((300, 400), (width, height));
        Assert.True(pixels[(height / 2 * width + width - 3) * bands] > pixels[(height / 2 * width + 2) * bands] + 60, "the sky should be on the right after rotation");
    }

    [Fact]
    public async Task A_large_photo_is_shrunk_while_decoding_turned_upright_and_keeps_its_full_size_on_record()
    {
        var photo = TestImages.WithExif(TestImages.Photo(3200, 2400), orientation: 6);

        var result = await processor.ProcessAsync(photo, [], "photo.jpg");

        Assert.Equal((2400, 3200), (result.Width, result.Height));
        Assert.Equal([(480, 640), (960, 1280), (1600, 2133)], result.Variants.Where(v => v.ContentType == "image/webp").Select(v => (v.Width, v.Height)));
        // Upright: the photo's top row (light sky) is now its right-hand column.
        var (pixels, width, height, bands) = TestImages.Decode(result.Variants.Single(v => v.Width == 480 && v.ContentType == "image/jpeg").Bytes);
        Assert.Equal((480, 640), (width, height));
        Assert.True(pixels[(height / 2 * width + width - 3) * bands] > pixels[(height / 2 * width + 2) * bands] + 60, "the sky should be on the right after rotation");
    }

    [Fact]
    public void The_bundled_libvips_is_used_and_refuses_formats_not_safe_for_untrusted_input()
    {
        Assert.Null(ScreenshotProcessor.Unavailable);
        // Debian 12's libvips is 8.14: a newer version means the library NetVips.Native bundles was loaded.
        Assert.True(NetVips.NetVips.AtLeastLibvips(8, 18), ScreenshotProcessor.LibraryVersion);
        // The bundled libvips can read SVG (librsvg), which is marked untrusted: it must be blocked.
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' height='10'/></svg>"u8.ToArray();
        Assert.Null(NetVips.Image.FindLoadBuffer(svg));
        Assert.Throws<NetVips.VipsException>(() => NetVips.Image.NewFromBuffer(svg).Width);
    }

    [Fact]
    public async Task A_real_HEIC_photo_is_refused_with_advice_to_export_it_as_PNG_or_JPEG()
    {
        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => processor.ProcessAsync(TestImages.Heic, [], "IMG_0001.HEIC"));
        Assert.Equal(MediaProblem.HeicUnsupported, error.Problem);
        Assert.Contains("export the screenshot as PNG or JPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variants_are_webp_and_jpeg_at_responsive_widths_and_never_upscaled()
    {
        var large = await processor.ProcessAsync(TestImages.Png(2000, 1000, TestImages.Pattern), []);
        Assert.Equal([480, 480, 960, 960, 1600, 1600], large.Variants.Select(v => v.Width).Order());
        Assert.Equal(3, large.Variants.Count(v => v.ContentType == "image/webp" && v.Bytes[8..12].SequenceEqual("WEBP"u8.ToArray())));
        Assert.Equal(3, large.Variants.Count(v => v.ContentType == "image/jpeg" && v.Bytes[0] == 0xFF && v.Bytes[1] == 0xD8));
        Assert.Equal(800, large.Variants.Single(v => v.Width == 1600 && v.ContentType == "image/webp").Height);

        var small = await processor.ProcessAsync(TestImages.Png(600, 1000, TestImages.Pattern), []);
        Assert.Equal([480, 480, 600, 600], small.Variants.Select(v => v.Width).Order());
    }

    // Theory data holds only names: xunit serializes data at discovery, and a 16 MB array there costs gigabytes.
    private static (byte[] Bytes, string? Name, string Message) Upload(string what) => what switch
    {
        "zero bytes" => ([], null, "empty"),
        "an SVG" => ("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "x.svg", "SVG"),
        "a pixel flood" => (TestImages.PngFile(100_000, 100_000, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), null, "megapixels"),
        "a PNG renamed .jpg" => (TestImages.Png(20, 20, TestImages.Pattern), "screenshot.jpg", "named .jpg"),
        "16 MB" => (new byte[16 * 1024 * 1024], null, "limit is 15 MB"),
        _ => ("<html><body>hi</body></html>"u8.ToArray(), "x.png", "not a PNG"),
    };

    [Theory]
    [InlineData("zero bytes")]
    [InlineData("an SVG")]
    [InlineData("a pixel flood")]
    [InlineData("a PNG renamed .jpg")]
    [InlineData("16 MB")]
    [InlineData("HTML")]
    public async Task Bad_uploads_are_refused_with_a_clear_message(string what)
    {
        var (bytes, name, message) = Upload(what);
        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => processor.ProcessAsync(bytes, [], name));
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{what}: {error.Message}");
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused()
    {
        var jpeg = await JpegAsync(300, 300);
        var error = await Assert.ThrowsAsync<MediaRejectedException>(() => processor.ProcessAsync(jpeg[..(jpeg.Length / 2)], []));
        Assert.Contains("truncated or damaged", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RedactionStyle.BlackBox)]
    [InlineData(RedactionStyle.Pixelate)]
    public async Task Redaction_changes_every_pixel_inside_the_box_in_every_variant_and_none_outside(RedactionStyle style)
    {
        // Fine stripes (a stand-in for text): pixelating must flatten them, black must cover them.
        static (byte, byte, byte) Stripes(int x, int y) => y % 4 < 2 ? ((byte)70, (byte)70, (byte)140) : ((byte)240, (byte)240, (byte)200);
        var png = TestImages.Png(1200, 800, Stripes);
        var box = new Redaction(300, 200, 400, 240, style);

        var result = await processor.ProcessAsync(png, [box]);

        foreach (var variant in result.Variants)
        {
            var (pixels, width, height, bands) = TestImages.Decode(variant.Bytes);
            var scale = (double)width / 1200;
            // Resampling and lossy coding blur edges: look a few pixels inside and outside the box.
            var margin = 4;
            int Left(double v) => (int)Math.Ceiling(v * scale);
            var (x0, y0, x1, y1) = (Left(300) + margin, Left(200) + margin, (int)((700) * scale) - margin, (int)(440 * scale) - margin);
            for (var y = y0; y < y1; y++)
                for (var x = x0; x < x1; x++)
                {
                    var at = (y * width + x) * bands;
                    if (style == RedactionStyle.BlackBox)
                        Assert.True(pixels[at] < 40 && pixels[at + 1] < 40 && pixels[at + 2] < 40, $"{variant.Width}w {variant.ContentType}: ({x},{y}) is not black");
                    else
                    {
                        // The stripes are gone: a pixel and the one two rows below (opposite stripe) now look alike.
                        var below = ((y + 2) * width + x) * bands;
                        if (y + 2 < y1)
                            Assert.True(Math.Abs(Sum(pixels, at) - Sum(pixels, below)) < 90, $"{variant.Width}w {variant.ContentType}: stripes still visible at ({x},{y})");
                    }
                }
            // Outside: the stripes survive (checked on a band well clear of the box).
            for (var x = 0; x < width; x += 7)
            {
                var y = (int)(100 * scale);
                var a = (y * width + x) * bands;
                Assert.True(Sum(pixels, a) > 150, $"{variant.Width}w: ({x},{y}) outside the box was darkened");
            }
            if (variant.Width == 1200)
            {
                // At full size the stripes outside must be intact pixel for pixel (within lossy coding error).
                for (var x = 0; x < width; x += 5)
                {
                    var a = (100 * width + x) * bands;
                    var b = (102 * width + x) * bands;
                    Assert.True(Math.Abs(Sum(pixels, a) - Sum(pixels, b)) > 300, $"stripes lost outside the box at ({x},100)");
                }
            }
        }
    }

    private static int Sum(byte[] pixels, int at) => pixels[at] + pixels[at + 1] + pixels[at + 2];

    [Fact]
    public async Task Near_duplicates_are_recognised_and_unrelated_screenshots_are_not()
    {
        var chat = TestImages.Png(720, 1280, TestImages.Chat(seed: 1));
        var original = (await processor.ProcessAsync(chat, [])).PerceptualHash;

        // The same screenshot resized and recompressed (as it travels through messengers)…
        var recompressed = (await processor.ProcessAsync(chat, [])).Variants.Single(v => v.Width == 480 && v.ContentType == "image/jpeg").Bytes;
        var copy = (await processor.ProcessAsync(recompressed, [])).PerceptualHash;
        // …slightly cropped (status bar cut off)…
        var cropped = (await processor.ProcessAsync(TestImages.Png(720, 1240, (x, y) => TestImages.Chat(seed: 1)(x, y + 40)), [])).PerceptualHash;
        // …and a different conversation in the same chat app.
        var unrelated = (await processor.ProcessAsync(TestImages.Png(720, 1280, TestImages.Chat(seed: 2)), [])).PerceptualHash;

        Assert.InRange(PerceptualHash.Distance(original, copy), 0, PerceptualHash.SimilarDistance);
        Assert.InRange(PerceptualHash.Distance(original, cropped), 0, PerceptualHash.SimilarDistance);
        Assert.True(PerceptualHash.Distance(original, unrelated) > PerceptualHash.SimilarDistance,
            $"unrelated screenshots are {PerceptualHash.Distance(original, unrelated)} bits apart");
        Assert.True(PerceptualHash.AreSimilar(original, copy) && PerceptualHash.AreSimilar(original, cropped));
        Assert.False(PerceptualHash.AreSimilar(original, unrelated));
        // A nearly blank image has no edges: it is not "similar" to every sparse chat screenshot.
        var blank = (await processor.ProcessAsync(TestImages.Png(720, 1280, (_, _) => (236, 229, 221)), [])).PerceptualHash;
        Assert.False(PerceptualHash.AreSimilar(original, blank));
    }

    [Fact]
    public async Task Many_uploads_in_parallel_all_succeed()
    {
        var png = TestImages.Png(900, 1600, TestImages.Pattern);
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => processor.ProcessAsync(png, [new Redaction(0, 0, 100, 100, RedactionStyle.Pixelate)]))));

        Assert.All(results, r => Assert.Equal(results[0].Variants.Select(v => v.Bytes.Length), r.Variants.Select(v => v.Bytes.Length)));
    }
}
