using System.Net;
using System.Net.Http.Headers;

namespace FactCheck.Tests.Admin;

/// <summary>What an editor does with screenshots, as the browser would post it: the upload form, the staged page's buttons.</summary>
public static class ScreenshotSteps
{
    /// <summary>Posts the editor's upload form (multipart, with its antiforgery token) with these bytes as the file.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid advisoryId, byte[] bytes, string fileName, string? altText, string? caption = null)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{advisoryId}", "#screenshot-upload");
        form.Set("altText", altText ?? "").Set("caption", caption ?? "");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields) content.Add(new StringContent(value), name);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return await client.PostAsync(form.Action, content);
    }

    /// <summary>Uploads and returns the staged page's address (the upload must be accepted).</summary>
    public static async Task<string> StageAsync(HttpClient client, Guid advisoryId, byte[] bytes, string altText, string? caption = null, string fileName = "screenshot.png")
    {
        var response = await UploadAsync(client, advisoryId, bytes, fileName, altText, caption);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Types a rectangle in the no-JavaScript coordinates form and presses "Apply".</summary>
    public static async Task<HttpResponseMessage> RedactAsync(HttpClient client, string stagedUrl, int x, int y, int width, int height, RedactionStyle style = RedactionStyle.BlackBox)
    {
        var form = await Form.LoadAsync(client, stagedUrl, "#staged");
        form.Set("X", $"{x}").Set("Y", $"{y}").Set("Width", $"{width}").Set("Height", $"{height}").Set("Style", style.ToString());
        return await form.SubmitAsync(client, ("command", "redact"));
    }

    /// <summary>Presses "Add to the advisory" (or "Apply to the screenshot") on the staged page.</summary>
    public static async Task AddAsync(HttpClient client, string stagedUrl)
    {
        var response = await (await Form.LoadAsync(client, stagedUrl, "#staged")).SubmitAsync(client, ("command", "publish"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"adding answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
    }

    /// <summary>Upload, one black box, add: the whole flow.</summary>
    public static async Task AddRedactedAsync(HttpClient client, Guid advisoryId, byte[] bytes, string altText, Redaction? box = null, string fileName = "screenshot.png")
    {
        var staged = await StageAsync(client, advisoryId, bytes, altText, fileName: fileName);
        if (box is not null)
            Assert.Equal(HttpStatusCode.Redirect, (await RedactAsync(client, staged, box.X, box.Y, box.Width, box.Height, box.Style)).StatusCode);
        await AddAsync(client, staged);
    }

    /// <summary>Presses one of a screenshot's buttons in the editor (move, redact again, remove).</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, Guid advisoryId, int shotId, string action, string? direction = null)
    {
        var form = await Form.LoadAsync(client, $"/admin/advisories/{advisoryId}", $"form[action='/admin/advisories/{advisoryId}/screenshots/{shotId}/{action}']");
        if (direction is not null) form.Set("direction", direction);
        return await form.SubmitAsync(client);
    }
}
