using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FactCheck.Tests.Media;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>
/// The server side of screenshots added inside the editor (wwwroot/js/screenshots.js): stage a pasted or dropped
/// image, add it with several rectangles burnt in at once, reuse an earlier screenshot ("covered before?") with
/// its stored image and redactions, edit texts in place — each answering with the new list and the versions
/// around the change, so the open editor form follows without losing what was typed.
/// </summary>
public class InlineScreenshotTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private const int Width = 900, Height = 1600;

    private static async Task<string> TokenAsync(HttpClient client, Guid id) =>
        (await Form.LoadAsync(client, $"/admin/advisories/{id}", "#shot-dialog-form")).Get("__RequestVerificationToken")!;

    private static HttpRequestMessage Inline(string url, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(ScreenshotsController.InlineHeader, "1");
        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Staged)> StageAsync(HttpClient client, Guid id, byte[] bytes, string name = "pasted.png")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(await TokenAsync(client, id)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "file", name);
        var response = await client.SendAsync(Inline($"/admin/advisories/{id}/screenshots/stage", content));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response, json);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string url, params (string Name, string Value)[] fields) =>
        await client.SendAsync(Inline(url, new FormUrlEncodedContent(
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", await TokenAsync(client, id))))));

    private static string Areas(params Redaction[] areas) =>
        JsonSerializer.Serialize(areas.Select(a => new { x = $"{a.X}", y = $"{a.Y}", width = $"{a.Width}", height = $"{a.Height}", style = a.Style.ToString() }));

    private async Task<List<Screenshot>> ShotsAsync(Guid id)
    {
        List<Screenshot> shots = [];
        await site.WithDatabaseAsync(async db => shots = await db.Screenshots.Include(s => s.Files).Where(s => s.AdvisoryId == id).OrderBy(s => s.Position).ToListAsync());
        return shots;
    }

    private async Task<int> VersionAsync(Guid id)
    {
        var version = 0;
        await site.WithDatabaseAsync(async db => version = (await db.Advisories.SingleAsync(a => a.Id == id)).Version);
        return version;
    }

    [Fact]
    public async Task A_pasted_image_is_added_with_every_rectangle_drawn_burnt_in_and_the_editor_is_told_the_new_version()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        var version = await VersionAsync(id);

        var (staged, json) = await StageAsync(editor, id, TestImages.Png(Width, Height, TestImages.Pattern));
        Assert.Equal(HttpStatusCode.OK, staged.StatusCode);
        Assert.Equal((Width, Height), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(json.GetProperty("image").GetString())).StatusCode); // the private copy, to the editor
        Assert.Empty(await ShotsAsync(id)); // nothing attached, nothing public, until it is added

        // Three drawn, one undone in the browser: two arrive, with a bad one refused first without attaching anything.
        var name = json.GetProperty("token").GetString()!;
        var add = json.GetProperty("add").GetString()!;
        var first = new Redaction(100, 200, 300, 150, RedactionStyle.BlackBox);
        var second = new Redaction(450, 900, 350, 200, RedactionStyle.BlackBox);
        var bad = await PostAsync(editor, id, add, ("altText", "محادثة"), ("redactions", Areas(first, first with { X = Width + 5 })));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()));
        var noAlt = await PostAsync(editor, id, add, ("altText", " "), ("redactions", Areas(first)));
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Empty(await ShotsAsync(id));

        var added = await PostAsync(editor, id, add, ("altText", "محادثة يطلب فيها البوت الرمز"), ("caption", ""), ("redactions", Areas(first, second)));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal($"{version}", added.Headers.GetValues("X-Version-Before").Single());
        Assert.Equal($"{version + 1}", added.Headers.GetValues("X-Version").Single());
        var list = Html.Parse("<ol>" + await added.Content.ReadAsStringAsync() + "</ol>");
        var shot = Assert.Single(await ShotsAsync(id));
        Assert.Contains("محادثة يطلب فيها البوت الرمز", list.QuerySelector($"#shot-{shot.Id} .shot-alt")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, ScreenshotStaging.FromJson(shot.Redactions).Count);
        foreach (var file in shot.Files.Where(f => f.ContentType != "image/webp"))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(site.DataPath, "media", file.FileName));
            ScreenshotUploadTests.AssertBlack(bytes, file, first, Width);
            ScreenshotUploadTests.AssertBlack(bytes, file, second, Width);
        }
        // The staged copy is gone once added.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/advisories/{id}/screenshots/staged/{name}")).StatusCode);

        // The form opened before the screenshot was added saves with the version it was given, without a conflict.
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        Assert.Equal($"{version + 1}", form.Get("Version"));
    }

    [Fact]
    public async Task An_earlier_screenshot_is_reused_with_its_stored_image_and_redactions_and_outlives_the_original()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var earlier = await EditorSteps.CreateDraftAsync(editor);
        var chat = TestImages.Png(720, 1280, TestImages.Chat(seed: 31));
        var box = new Redaction(40, 20, 300, 60, RedactionStyle.BlackBox);
        await ScreenshotSteps.AddRedactedAsync(editor, earlier, chat, "المحادثة الأولى", box);
        var original = Assert.Single(await ShotsAsync(earlier));
        var mediaCount = Directory.GetFiles(Path.Combine(site.DataPath, "media")).Length;

        // The same chat pasted into a new advisory: found at distance 0, reused in one click.
        var current = await EditorSteps.CreateDraftAsync(editor);
        var (_, json) = await StageAsync(editor, current, chat);
        var match = json.GetProperty("similar").EnumerateArray().First();
        Assert.Equal((original.Id, 0, 1), (match.GetProperty("id").GetInt32(), match.GetProperty("distance").GetInt32(), match.GetProperty("redactions").GetInt32()));
        var reused = await PostAsync(editor, current, $"/admin/advisories/{current}/screenshots/reuse",
            ("shotId", $"{original.Id}"), ("token", json.GetProperty("token").GetString()!), ("altText", "المحادثة نفسها"), ("caption", ""));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);

        var copy = Assert.Single(await ShotsAsync(current));
        Assert.Equal("المحادثة نفسها", copy.AltText);
        Assert.Equal((original.PerceptualHash, original.Redactions), (copy.PerceptualHash, copy.Redactions));
        Assert.Equal(original.Files.Select(f => f.FileName).Order(), copy.Files.Select(f => f.FileName).Order());
        Assert.Equal(mediaCount, Directory.GetFiles(Path.Combine(site.DataPath, "media")).Length); // nothing new written
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/advisories/{current}/screenshots/staged/{json.GetProperty("token").GetString()}")).StatusCode);

        // Removing the original leaves the files the copy uses.
        Assert.Equal(HttpStatusCode.Redirect, (await ScreenshotSteps.PressAsync(editor, earlier, original.Id, "delete")).StatusCode);
        Assert.All(copy.Files, f => Assert.True(File.Exists(Path.Combine(site.DataPath, "media", f.FileName)), f.FileName));
    }

    [Fact]
    public async Task Without_javascript_the_staged_page_offers_the_earlier_screenshot_in_one_click()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var earlier = await EditorSteps.CreateDraftAsync(editor);
        var chat = TestImages.Png(720, 1280, TestImages.Chat(seed: 32));
        await ScreenshotSteps.AddRedactedAsync(editor, earlier, chat, "first", new Redaction(10, 10, 100, 50, RedactionStyle.Pixelate));
        var original = Assert.Single(await ShotsAsync(earlier));

        var current = await EditorSteps.CreateDraftAsync(editor);
        var stagedUrl = await ScreenshotSteps.StageAsync(editor, current, chat, "النص البديل المكتوب عند الرفع");
        var reuse = await Form.LoadAsync(editor, stagedUrl, $"form[action='/admin/advisories/{current}/screenshots/reuse']");
        var response = await reuse.SubmitAsync(editor);
        Assert.Equal($"/admin/advisories/{current}?done=screenshot-reused#screenshots", response.Headers.Location!.OriginalString);
        var copy = Assert.Single(await ShotsAsync(current));
        Assert.Equal(("النص البديل المكتوب عند الرفع", original.Redactions), (copy.AltText, copy.Redactions));
    }

    [Fact]
    public async Task Texts_saved_in_the_list_and_problems_answer_in_place()
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var id = await EditorSteps.CreateDraftAsync(editor);
        await ScreenshotSteps.AddRedactedAsync(editor, id, TestImages.Png(300, 200, TestImages.Pattern), "قديم");
        var shot = Assert.Single(await ShotsAsync(id));

        var saved = await PostAsync(editor, id, $"/admin/advisories/{id}/screenshots/{shot.Id}", ("altText", "جديد"), ("caption", "تعليق"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("جديد", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("جديد", "تعليق"), ((await ShotsAsync(id)).Single().AltText, (await ShotsAsync(id)).Single().Caption));
        var empty = await PostAsync(editor, id, $"/admin/advisories/{id}/screenshots/{shot.Id}", ("altText", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/json", empty.Content.Headers.ContentType!.MediaType);

        var (notImage, json) = await StageAsync(editor, id, "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "x.svg");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notImage.StatusCode);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("error").GetString()));
    }
}
