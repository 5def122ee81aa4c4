using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Request limits for uploads, from Media:MaxUploadBytes: the server accepts twice the limit plus room for
/// the form, so a file a little too big is read whole and refused with its size and the editor's text kept,
/// instead of the connection being cut mid-upload. The form is read here, before the antiforgery check
/// (order 1000) reads it; a body beyond even that is sent back to the upload page with the limit.
/// </summary>
public sealed class UploadLimitsAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    /// <summary>For the editor's in-place upload: a body beyond the limit is answered 413 with the message as JSON.</summary>
    public bool Json { get; init; }

    public static long RequestBytes(MediaOptions options) => options.MaxUploadBytes * 2 + 1024 * 1024;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var limit = RequestBytes(http.RequestServices.GetRequiredService<MediaOptions>());
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        if (!http.Request.HasFormContentType) return;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            var options = http.RequestServices.GetRequiredService<MediaOptions>();
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Result = Json
                ? new JsonResult(new { error = string.Format(CultureInfo.CurrentCulture, text["Media.Error.RequestTooLarge"], ScreenshotProcessor.Megabytes(options.MaxUploadBytes)) })
                  { StatusCode = StatusCodes.Status413PayloadTooLarge }
                : new RedirectResult(http.Request.Path.Value!.TrimEnd('/') + "/new?problem=too-large");
        }
    }
}
