using System.Net;
using FactCheck.Tests.Media;
using MetadataExtractor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

/// <summary>
/// Screenshots through the back-office, end to end: real multipart posts with antiforgery, real libvips on
/// bytes made by <see cref="TestImages"/>, the real SQLite file and media folder of the site.
/// </summary>
public class ScreenshotUploadTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private static readonly Redaction Box = new(300, 200, 400, 240, RedactionStyle.BlackBox);

    private async Task<(HttpClient Client, Guid Id)> EditorWithDraftAsync(string language = "en")
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return (client, await EditorSteps.CreateDraftAsync(client));
    }

    private async Task<int> ScreenshotCountAsync(Guid id)
    {
        var count = 0;
        await site.WithDatabaseAsync(async db => count = await db.Screenshots.CountAsync(s => s.AdvisoryId == id));
        return count;
    }

    private int FileCount(string folder) =>
        System.IO.Directory.Exists(Path.Combine(site.DataPath, folder)) ? System.IO.Directory.GetFiles(Path.Combine(site.DataPath, folder)).Length : 0;

    private async Task<Screenshot[]> ShotsAsync(Guid id)
    {
        Screenshot[] shots = [];
        await site.WithDatabaseAsync(async db => shots = await db.Screenshots.Include(s => s.Files).Where(s => s.AdvisoryId == id).OrderBy(s => s.Position).ToArrayAsync());
        return shots;
    }

    // Names only in the theory data (xunit serializes it); the bytes are made here.
    private static (byte[] Bytes, string Name, HttpStatusCode Status, string Message) Refused(string what) => what switch
    {
        "zero bytes" => ([], "empty.png", HttpStatusCode.BadRequest, "The file is empty"),
        "an SVG" => ("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"u8.ToArray(), "logo.svg", HttpStatusCode.UnsupportedMediaType, "SVG and other formats are not accepted"),
        "an HTML page named .png" => ("<html><body>hi</body></html>"u8.ToArray(), "x.png", HttpStatusCode.UnsupportedMediaType, "This is not a PNG, JPEG"),
        "a PNG renamed .jpg" => (TestImages.Png(40, 40, TestImages.Pattern), "screenshot.jpg", HttpStatusCode.UnsupportedMediaType, "named .jpg but it is a Png image"),
        "a pixel flood" => (TestImages.PngFile(100_000, 100_000, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), "flood.png", HttpStatusCode.UnprocessableEntity, "100000 × 100000 pixels; the limit is 40 megapixels"),
        "a truncated JPEG" => (Truncated(), "photo.jpg", HttpStatusCode.UnprocessableEntity, "truncated or damaged"),
        _ => (Sixteen(), "huge.png", HttpStatusCode.RequestEntityTooLarge, "The file is 16 MB; the limit is 15 MB"),
    };

    private static byte[] Truncated()
    {
        var jpeg = new ScreenshotProcessor(new MediaOptions()).ProcessAsync(TestImages.Png(400, 300, TestImages.Pattern), []).Result
            .Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == 400).Bytes;
        return jpeg[..(jpeg.Length / 2)];
    }

    private static byte[] Sixteen()
    {
        var bytes = new byte[16 * 1024 * 1024];
        TestImages.Png(10, 10, TestImages.Pattern).CopyTo(bytes, 0);
        return bytes;
    }

    [Theory]
    [InlineData("zero bytes")]
    [InlineData("an SVG")]
    [InlineData("an HTML page named .png")]
    [InlineData("a PNG renamed .jpg")]
    [InlineData("a pixel flood")]
    [InlineData("a truncated JPEG")]
    [InlineData("16 MB")]
    public async Task A_refused_upload_says_why_keeps_the_typed_texts_and_stores_nothing(string what)
    {
        var (client, id) = await EditorWithDraftAsync();
        var (bytes, name, status, message) = Refused(what);
        var (media, staging) = (FileCount("media"), FileCount("staging"));

        var response = await ScreenshotSteps.UploadAsync(client, id, bytes, name, "A message from “Telegram support” asking for the code", "Sent on 3 May");

        Assert.Equal(status, response.StatusCode);
        var page = await Html.ReadAsync(response);
        var error = page.QuerySelector("#shot-file-error")?.TextContent ?? "";
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("A message from “Telegram support” asking for the code", page.QuerySelector("#shot-alt")!.TextContent);
        Assert.Equal("Sent on 3 May", page.QuerySelector("#shot-caption")!.TextContent);
        // The refusal page is the upload form again, ready for another file.
        Assert.NotNull(page.QuerySelector($"form[action='/admin/advisories/{id}/screenshots'][enctype='multipart/form-data'] input[type=file]"));
        Assert.Equal(0, await ScreenshotCountAsync(id));
        Assert.Equal((media, staging), (FileCount("media"), FileCount("staging")));
    }

    [Fact]
    public async Task Refusals_are_in_the_back_office_language_and_right_to_left_in_Arabic()
    {
        var (client, id) = await EditorWithDraftAsync(language: "ar");

        var response = await ScreenshotSteps.UploadAsync(client, id, "<svg/>"u8.ToArray(), "x.svg", "رسالة من «دعم تيليغرام»");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("لا تُقبل صور SVG", page.QuerySelector("#shot-file-error")!.TextContent, StringComparison.Ordinal);
        var alt = page.QuerySelector("#shot-alt")!;
        Assert.Equal("رسالة من «دعم تيليغرام»", alt.TextContent);
        Assert.Equal("auto", alt.GetAttribute("dir"));
        Assert.Equal("ar", alt.GetAttribute("lang"));
    }

    [Fact]
    public async Task Alt_text_is_required_and_nothing_is_staged_without_it()
    {
        var (client, id) = await EditorWithDraftAsync();
        var staging = FileCount("staging");

        var response = await ScreenshotSteps.UploadAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "ok.png", "   ", "caption kept");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("alt text is required", page.QuerySelector("#shot-alt-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("caption kept", page.QuerySelector("#shot-caption")!.TextContent);
        Assert.Equal(staging, FileCount("staging"));
    }

    [Fact]
    public async Task An_upload_stays_private_until_redacted_then_every_variant_is_redacted_and_the_page_shows_it()
    {
        var (client, id) = await EditorWithDraftAsync();
        var photo = TestImages.WithExif(await JpegAsync(1200, 800), orientation: 1);
        var media = FileCount("media");

        var staged = await ScreenshotSteps.StageAsync(client, id, photo, "Chat asking for the six-digit code", "Forwarded by a reader", "photo.jpg");

        // Staged: nothing public yet, the private copy carries no EXIF/GPS, and only the back-office serves it.
        Assert.Equal(media, FileCount("media"));
        Assert.Equal(0, await ScreenshotCountAsync(id));
        var stagedPage = await Html.ReadAsync(await client.GetAsync(staged));
        var imageUrl = stagedPage.QuerySelector("#staged-image")!.GetAttribute("src")!;
        var image = await client.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", image.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var stagedBytes = await image.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(ImageMetadataReader.ReadMetadata(new MemoryStream(stagedBytes)), d => d.Name.Contains("Exif", StringComparison.OrdinalIgnoreCase) || d.Name.Contains("GPS", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().GetAsync(imageUrl)).StatusCode); // anonymous: to the sign-in page

        Assert.Equal(HttpStatusCode.Redirect, (await ScreenshotSteps.RedactAsync(client, staged, Box.X, Box.Y, Box.Width, Box.Height)).StatusCode);
        await ScreenshotSteps.AddAsync(client, staged);

        var shot = Assert.Single(await ShotsAsync(id));
        Assert.Equal((1200, 800), (shot.Width, shot.Height));
        Assert.Equal(["image/jpeg 1200", "image/jpeg 480", "image/jpeg 960", "image/webp 1200", "image/webp 480", "image/webp 960"],
            shot.Files.Select(f => $"{f.ContentType} {f.Width}").Order(StringComparer.Ordinal));
        Assert.Empty(System.IO.Directory.GetFiles(Path.Combine(site.DataPath, "staging"), staged.Split('/').Last() + ".*"));
        foreach (var file in shot.Files) AssertRedacted(await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media", file.FileName)), file, Box, 1200);

        // Published: the public page shows it responsively, with its texts, from the public media URLs.
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(client, id, "publish")).StatusCode);
        var advisory = await AdvisoryAsync(id);
        var publicPage = await Html.ReadAsync(await site.Client().GetAsync(advisory.Path));
        var img = publicPage.QuerySelector("figure.screenshot picture img")!;
        Assert.Equal(("1200", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        // English alt text on an Arabic page: isolated whole, with Unicode isolates (attributes take no markup).
        Assert.Equal(Bidi.PlainText("Chat asking for the six-digit code", advisory.SiteLanguage.Direction), img.GetAttribute("alt"));
        Assert.Equal(3, img.GetAttribute("srcset")!.Split(", ").Length);
        Assert.Equal(3, publicPage.QuerySelector("figure.screenshot source[type='image/webp']")!.GetAttribute("srcset")!.Split(", ").Length);
        Assert.Equal("Forwarded by a reader", publicPage.QuerySelector("figure.screenshot figcaption")!.TextContent.Trim());
        var served = await site.Client().GetAsync(img.GetAttribute("src"));
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        AssertRedacted(await served.Content.ReadAsByteArrayAsync(), shot.Files.Single(f => f.ContentType == "image/jpeg" && f.Width == 1200), Box, 1200);
    }

    [Fact]
    public async Task Adding_a_screenshot_is_an_audited_edit_of_the_advisory()
    {
        var (client, id) = await EditorWithDraftAsync();
        var before = await AdvisoryAsync(id);

        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(500, 300, TestImages.Pattern), "Fake bot profile");

        var after = await AdvisoryAsync(id);
        Assert.Equal(before.Version + 1, after.Version);
        await site.WithDatabaseAsync(async db =>
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.ScreenshotAdded && e.Target!.Contains(id.ToString()))));
        var notice = await Html.ReadAsync(await client.GetAsync($"/admin/advisories/{id}?done=screenshot-added"));
        Assert.Contains("Screenshot added.", notice.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pixelating_through_the_coordinates_form_changes_only_the_box()
    {
        var (client, id) = await EditorWithDraftAsync();
        static (byte, byte, byte) Stripes(int x, int y) => y % 4 < 2 ? ((byte)70, (byte)70, (byte)140) : ((byte)240, (byte)240, (byte)200);

        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(1200, 800, Stripes), "Stripes", Box with { Style = RedactionStyle.Pixelate });

        var file = (await ShotsAsync(id)).Single().Files.Single(f => f.ContentType == "image/webp" && f.Width == 1200);
        var (pixels, width, _, bands) = TestImages.Decode(await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media", file.FileName)));
        int Sum(int x, int y) => pixels[(y * width + x) * bands] + pixels[(y * width + x) * bands + 1] + pixels[(y * width + x) * bands + 2];
        // Inside: the stripes are flattened (a row and the one two below look alike). Outside: intact.
        for (var x = Box.X + 4; x < Box.X + Box.Width - 4; x += 3)
            for (var y = Box.Y + 4; y < Box.Y + Box.Height - 6; y += 3)
                Assert.True(Math.Abs(Sum(x, y) - Sum(x, y + 2)) < 90, $"stripes visible at ({x},{y})");
        for (var x = 0; x < width; x += 5) Assert.True(Math.Abs(Sum(x, 100) - Sum(x, 102)) > 300, $"stripes lost at ({x},100)");
    }

    [Theory]
    [InlineData("", "10", "10", "10")]
    [InlineData("5000", "10", "10", "10")]
    [InlineData("10", "10", "0", "10")]
    [InlineData("ten", "10", "10", "10")]
    public async Task A_rectangle_off_the_image_or_incomplete_is_refused_and_the_texts_are_kept(string x, string y, string w, string h)
    {
        var (client, id) = await EditorWithDraftAsync();
        var staged = await ScreenshotSteps.StageAsync(client, id, TestImages.Png(600, 400, TestImages.Pattern), "kept alt");
        var form = await Form.LoadAsync(client, staged, "#staged");
        form.Set("X", x).Set("Y", y).Set("Width", w).Set("Height", h).Set("altText", "edited alt");

        var response = await form.SubmitAsync(client, ("command", "redact"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("four whole numbers", page.QuerySelector(".redact-box .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("edited alt", page.QuerySelector("#shot-alt")!.TextContent);
        Assert.Equal(x, page.QuerySelector("#redact-x")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Coordinates_in_Arabic_Indic_digits_are_understood()
    {
        var (client, id) = await EditorWithDraftAsync();
        var staged = await ScreenshotSteps.StageAsync(client, id, TestImages.Png(600, 400, TestImages.Pattern), "alt");
        var form = await Form.LoadAsync(client, staged, "#staged");
        form.Set("X", "١٠").Set("Y", "٢٠").Set("Width", "٣٠٠").Set("Height", "٤٠").Set("Style", "BlackBox");

        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(client, ("command", "redact"))).StatusCode);
        Assert.Contains("Rectangles hidden so far: 1", (await Html.ReadAsync(await client.GetAsync(staged))).QuerySelector("#redaction-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discarding_a_staged_upload_deletes_it()
    {
        var (client, id) = await EditorWithDraftAsync();
        var staging = FileCount("staging");
        var staged = await ScreenshotSteps.StageAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "alt");
        Assert.True(FileCount("staging") > staging);

        var response = await (await Form.LoadAsync(client, staged, "#staged")).SubmitAsync(client, ("command", "discard"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(staging, FileCount("staging"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(staged)).StatusCode);
        Assert.Equal(0, await ScreenshotCountAsync(id));
    }

    [Fact]
    public async Task A_staged_upload_belongs_to_its_advisory()
    {
        var (client, id) = await EditorWithDraftAsync();
        var other = await EditorSteps.CreateDraftAsync(client);
        var staged = await ScreenshotSteps.StageAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "alt");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(staged.Replace(id.ToString(), other.ToString(), StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/advisories/{id}/screenshots/staged/..%2F..%2Fmedia")).StatusCode);
    }

    [Fact]
    public async Task Editors_change_texts_reorder_and_remove_screenshots()
    {
        var (client, id) = await EditorWithDraftAsync();
        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(520, 300, TestImages.Pattern), "first");
        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(530, 300, (x, y) => ((byte)(x % 200 + 50), 90, 200)), "second");
        var shots = await ShotsAsync(id);
        Assert.Equal(["first", "second"], shots.Select(s => s.AltText));

        var texts = await Form.LoadAsync(client, $"/admin/advisories/{id}/screenshots/{shots[0].Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await texts.Set("altText", "first, described better").Set("caption", "a caption").SubmitAsync(client)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ScreenshotSteps.PressAsync(client, id, shots[0].Id, "move", "down")).StatusCode);
        Assert.Equal(["second", "first, described better"], (await ShotsAsync(id)).Select(s => s.AltText));
        Assert.Equal("a caption", (await ShotsAsync(id))[1].Caption);

        var removedFiles = shots[1].Files.Select(f => Path.Combine(site.DataPath, "media", f.FileName)).ToList();
        Assert.All(removedFiles, f => Assert.True(File.Exists(f)));
        Assert.Equal(HttpStatusCode.Redirect, (await ScreenshotSteps.PressAsync(client, id, shots[1].Id, "delete")).StatusCode);

        Assert.Equal(["first, described better"], (await ShotsAsync(id)).Select(s => s.AltText));
        Assert.All(removedFiles, f => Assert.False(File.Exists(f)));
        await site.WithDatabaseAsync(async db =>
        {
            var actions = await db.AuditLog.Where(e => e.Target!.Contains(id.ToString())).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.ScreenshotEdited, actions);
            Assert.Contains(AuditAction.ScreenshotMoved, actions);
            Assert.Contains(AuditAction.ScreenshotRemoved, actions);
        });
    }

    [Fact]
    public async Task Deleting_a_draft_deletes_its_screenshot_files()
    {
        var (client, id) = await EditorWithDraftAsync();
        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(640, 360, (x, y) => ((byte)(x % 256), (byte)(y % 256), 99)), "to be deleted");
        var files = (await ShotsAsync(id)).Single().Files.Select(f => Path.Combine(site.DataPath, "media", f.FileName)).ToList();
        Assert.All(files, f => Assert.True(File.Exists(f)));

        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(client, id, "delete")).StatusCode);

        Assert.Equal(0, await ScreenshotCountAsync(id));
        Assert.All(files, f => Assert.False(File.Exists(f)));
    }

    [Fact]
    public async Task An_empty_alt_text_is_refused_when_editing_and_the_caption_is_kept()
    {
        var (client, id) = await EditorWithDraftAsync();
        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "alt");
        var shot = (await ShotsAsync(id)).Single();

        var response = await (await Form.LoadAsync(client, $"/admin/advisories/{id}/screenshots/{shot.Id}")).Set("altText", "").Set("caption", "typed").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("typed", (await Html.ReadAsync(response)).QuerySelector("#shot-caption")!.TextContent);
        Assert.Equal("alt", (await ShotsAsync(id)).Single().AltText);
    }

    [Fact]
    public async Task Redacting_again_works_from_the_largest_rendition_and_replaces_the_files()
    {
        var (client, id) = await EditorWithDraftAsync();
        await ScreenshotSteps.AddRedactedAsync(client, id, TestImages.Png(1200, 800, TestImages.Pattern), "alt", Box);
        var before = (await ShotsAsync(id)).Single();

        var response = await ScreenshotSteps.PressAsync(client, id, before.Id, "redact");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staged = response.Headers.Location!.OriginalString;
        var second = new Redaction(20, 20, 100, 60, RedactionStyle.BlackBox);
        await ScreenshotSteps.RedactAsync(client, staged, second.X, second.Y, second.Width, second.Height);
        await ScreenshotSteps.AddAsync(client, staged);

        var after = (await ShotsAsync(id)).Single();
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.PerceptualHash, after.PerceptualHash);
        Assert.All(before.Files, f => Assert.False(File.Exists(Path.Combine(site.DataPath, "media", f.FileName))));
        foreach (var file in after.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media", file.FileName));
            AssertBlack(bytes, file, Box, 1200);
            AssertBlack(bytes, file, second, 1200);
        }
        await site.WithDatabaseAsync(async db => Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.ScreenshotRedacted && e.Target!.Contains(id.ToString()))));
    }

    [Fact]
    public async Task The_similar_screenshots_panel_finds_earlier_coverage_and_nothing_for_an_unrelated_image()
    {
        var (client, earlier) = await EditorWithDraftAsync();
        var chat = TestImages.Png(720, 1280, TestImages.Chat(seed: 11));
        await ScreenshotSteps.AddRedactedAsync(client, earlier, chat, "the earlier one");
        var earlierTitle = (await AdvisoryAsync(earlier)).Title;

        // The same screenshot, resized and recompressed as messengers do, uploaded to a new advisory.
        var copy = (await new ScreenshotProcessor(new MediaOptions()).ProcessAsync(chat, [])).Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == 480).Bytes;
        var current = await EditorSteps.CreateDraftAsync(client);
        var page = await Html.ReadAsync(await client.GetAsync(await ScreenshotSteps.StageAsync(client, current, copy, "new one", fileName: "copy.jpg")));

        var match = page.QuerySelector(".similar-list li")!;
        Assert.Equal(earlierTitle, match.QuerySelector($"a[href='/admin/advisories/{earlier}']")!.TextContent);
        var thumbnail = match.QuerySelector("img")!;
        // The earlier coverage may be a draft: its file comes through the back-office (MediaAccess).
        Assert.StartsWith("/admin/media/", thumbnail.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(thumbnail.GetAttribute("src"))).StatusCode);
        Assert.Equal("the earlier one", thumbnail.GetAttribute("alt"));

        var unrelated = await Html.ReadAsync(await client.GetAsync(await ScreenshotSteps.StageAsync(client, current, TestImages.Png(720, 1280, TestImages.Chat(seed: 12)), "other")));
        Assert.True(unrelated.QuerySelectorAll(".similar-list li").Length == 0, string.Join(" | ", unrelated.QuerySelectorAll(".similar-list li").Select(l => l.TextContent.Trim())));
        Assert.Contains("No earlier screenshot looks like this one.", unrelated.QuerySelector(".similar")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_most_similar_come_first_and_only_a_handful()
    {
        var processor = new ScreenshotProcessor(new MediaOptions());
        // A checkerboard of hash cells (80 × 160 px): edges everywhere, unlike the chat screenshots of the other tests.
        var chat = TestImages.Png(720, 1280, (x, y) => (x / 80 + y / 160) % 2 == 0 ? ((byte)30, (byte)40, (byte)50) : ((byte)220, (byte)230, (byte)240));
        var hash = (await processor.ProcessAsync(chat, [])).PerceptualHash;
        var advisory = await site.AddAdvisoryAsync(a => a.Status = AdvisoryStatus.Draft);
        // Hashes 0..10 bits away from the upload, plus far ones; only the six nearest are shown, nearest first.
        await site.WithDatabaseAsync(async db =>
        {
            for (var bits = 0; bits <= 12; bits++)
                db.Screenshots.Add(new Screenshot { AdvisoryId = advisory.Id, AltText = $"{bits} bits", PerceptualHash = hash ^ (long)((1UL << bits) - 1), Width = 1, Height = 1 });
            await db.SaveChangesAsync();
        });

        var (client, id) = await EditorWithDraftAsync();
        var page = await Html.ReadAsync(await client.GetAsync(await ScreenshotSteps.StageAsync(client, id, chat, "alt")));

        var distances = page.QuerySelectorAll(".similar-list li .meta").Select(m => int.Parse(m.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(SimilarScreenshots.Limit, distances.Count);
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(0, distances[0]);
    }

    [Fact]
    public async Task Contributors_add_screenshots_to_drafts_but_not_to_what_readers_see()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var draft = await EditorSteps.CreateDraftAsync(client);
        await ScreenshotSteps.AddRedactedAsync(client, draft, TestImages.Png(300, 200, TestImages.Pattern), "by a contributor");
        Assert.Equal(1, await ScreenshotCountAsync(draft));

        var published = await site.AddAdvisoryAsync(_ => { });
        // The contributor's own antiforgery token (from their draft's form): the refusal must be authorization.
        var own = await Form.LoadAsync(client, $"/admin/advisories/{draft}", "#screenshot-upload");
        using var attempt = new MultipartFormDataContent();
        foreach (var (name, value) in own.Fields.Where(f => f.Key != "altText")) attempt.Add(new StringContent(value), name);
        attempt.Add(new StringContent("alt"), "altText");
        attempt.Add(new ByteArrayContent(TestImages.Png(300, 200, TestImages.Pattern)), "file", "x.png");

        var response = await client.PostAsync($"/admin/advisories/{published.Id}/screenshots", attempt);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/denied", response.Headers.Location!.AbsolutePath);
        Assert.Equal(0, await ScreenshotCountAsync(published.Id));
        // The published advisory's editor page offers the contributor no upload form at all.
        Assert.Null((await Html.ReadAsync(await client.GetAsync($"/admin/advisories/{published.Id}"))).QuerySelector("#screenshot-upload"));
    }

    [Fact]
    public async Task Uploads_need_the_antiforgery_token()
    {
        var (client, id) = await EditorWithDraftAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("alt"), "altText" },
            { new ByteArrayContent(TestImages.Png(300, 200, TestImages.Pattern)), "file", "x.png" },
        };

        var response = await client.PostAsync($"/admin/advisories/{id}/screenshots", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ScreenshotCountAsync(id));
    }

    [Fact]
    public async Task Stale_staged_uploads_are_cleaned_up()
    {
        var (client, id) = await EditorWithDraftAsync();
        var staged = await ScreenshotSteps.StageAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "alt");
        var token = staged.Split('/').Last();
        var files = System.IO.Directory.GetFiles(Path.Combine(site.DataPath, "staging"), token + ".*");
        Assert.NotEmpty(files);
        foreach (var file in files) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));

        site.Services.GetRequiredService<ScreenshotStaging>().CleanUp();

        Assert.All(files, f => Assert.False(File.Exists(f)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(staged)).StatusCode);
    }

    private async Task<Advisory> AdvisoryAsync(Guid id)
    {
        Advisory? advisory = null;
        await site.WithDatabaseAsync(async db => advisory = await db.Advisories.AsNoTracking().SingleAsync(a => a.Id == id));
        return advisory!;
    }

    internal static async Task<byte[]> JpegAsync(int width, int height) =>
        (await new ScreenshotProcessor(new MediaOptions { Widths = [width] }).ProcessAsync(TestImages.Png(width, height, TestImages.Pattern), []))
            .Variants.Single(v => v.ContentType == "image/jpeg" && v.Width == width).Bytes;

    /// <summary>Every pixel inside the box (a few pixels in, for resampling and lossy coding) is black; every one well outside is not darkened.</summary>
    internal static void AssertRedacted(byte[] bytes, ScreenshotFile file, Redaction box, int fullWidth)
    {
        AssertBlack(bytes, file, box, fullWidth);
        var (pixels, width, height, bands) = TestImages.Decode(bytes);
        var scale = (double)width / fullWidth;
        const int margin = 4;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var near = x > box.X * scale - margin && x < (box.X + box.Width) * scale + margin && y > box.Y * scale - margin && y < (box.Y + box.Height) * scale + margin;
                if (near) continue;
                var at = (y * width + x) * bands;
                Assert.True(pixels[at] > 90 && pixels[at + 1] > 90 && pixels[at + 2] > 90, $"{file.ContentType} {file.Width}w: ({x},{y}) outside the box was darkened");
            }
    }

    internal static void AssertBlack(byte[] bytes, ScreenshotFile file, Redaction box, int fullWidth)
    {
        var (pixels, width, _, bands) = TestImages.Decode(bytes);
        Assert.Equal(file.Width, width);
        var scale = (double)width / fullWidth;
        const int margin = 4;
        for (var y = (int)Math.Ceiling(box.Y * scale) + margin; y < (int)((box.Y + box.Height) * scale) - margin; y++)
            for (var x = (int)Math.Ceiling(box.X * scale) + margin; x < (int)((box.X + box.Width) * scale) - margin; x++)
            {
                var at = (y * width + x) * bands;
                Assert.True(pixels[at] < 40 && pixels[at + 1] < 40 && pixels[at + 2] < 40, $"{file.ContentType} {file.Width}w: ({x},{y}) inside the box is not black");
            }
    }
}

/// <summary>A desk that keeps originals for legal holds: they go to a private folder, and redacting again starts from them.</summary>
public class KeptOriginalsTests : IClassFixture<KeptOriginalsTests.Site>
{
    public sealed class Site : BackOfficeSite
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            base.Settings.Append(new("Media:KeepOriginalsPath", "originals"));
    }

    private readonly Site site;
    public KeptOriginalsTests(Site site) => this.site = site;

    [Fact]
    public async Task The_original_is_kept_privately_and_redacting_again_repeats_earlier_rectangles_at_full_size()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(client);
        var first = new Redaction(100, 100, 300, 200, RedactionStyle.BlackBox);
        var photo = TestImages.WithExif(await ScreenshotUploadTests.JpegAsync(2000, 1000), orientation: 1);
        await ScreenshotSteps.AddRedactedAsync(client, id, photo, "alt", first, "photo.jpg");

        Screenshot shot = null!;
        await site.WithDatabaseAsync(async db => shot = await db.Screenshots.Include(s => s.Files).SingleAsync(s => s.AdvisoryId == id));
        var kept = Path.Combine(site.DataPath, "originals", shot.OriginalFileName!);
        Assert.Equal(photo, await File.ReadAllBytesAsync(kept));
        Assert.False(File.Exists(Path.Combine(site.DataPath, "media", shot.OriginalFileName!)));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/media/" + shot.OriginalFileName)).StatusCode);

        var staged = (await ScreenshotSteps.PressAsync(client, id, shot.Id, "redact")).Headers.Location!.OriginalString;
        var stagedPage = await Html.ReadAsync(await client.GetAsync(staged));
        // From the original: full size, not the 1600 px rendition.
        Assert.Equal("2000", stagedPage.QuerySelector("#staged-image")!.GetAttribute("width"));
        var second = new Redaction(1500, 700, 300, 200, RedactionStyle.BlackBox);
        await ScreenshotSteps.RedactAsync(client, staged, second.X, second.Y, second.Width, second.Height);
        await ScreenshotSteps.AddAsync(client, staged);

        await site.WithDatabaseAsync(async db => shot = await db.Screenshots.Include(s => s.Files).SingleAsync(s => s.AdvisoryId == id));
        Assert.Equal(2, ScreenshotStaging.FromJson(shot.Redactions).Count);
        foreach (var file in shot.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media", file.FileName));
            ScreenshotUploadTests.AssertBlack(bytes, file, first, 2000);
            ScreenshotUploadTests.AssertBlack(bytes, file, second, 2000);
        }
    }
}

/// <summary>Without libvips the site runs, and an upload gets a clear message instead of an error page.</summary>
public class UploadWithoutImageLibraryTests : IClassFixture<UploadWithoutImageLibraryTests.Site>
{
    public sealed class Site : BackOfficeSite
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(provider =>
                new ScreenshotProcessor(provider.GetRequiredService<MediaOptions>()) { Availability = () => "libvips is not installed (test)" }));
        }
    }

    private readonly Site site;
    public UploadWithoutImageLibraryTests(Site site) => this.site = site;

    [Fact]
    public async Task An_upload_is_refused_with_a_message_and_the_texts_kept()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("uk");
        var id = await EditorSteps.CreateDraftAsync(client);

        var response = await ScreenshotSteps.UploadAsync(client, id, TestImages.Png(300, 200, TestImages.Pattern), "x.png", "опис знімка");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = await Html.ReadAsync(response);
        Assert.Contains("бракує бібліотеки зображень", page.QuerySelector("#shot-file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("опис знімка", page.QuerySelector("#shot-alt")!.TextContent);
        Assert.False(System.IO.Directory.Exists(Path.Combine(site.DataPath, "staging")) && System.IO.Directory.EnumerateFiles(Path.Combine(site.DataPath, "staging")).Any());
    }
}
