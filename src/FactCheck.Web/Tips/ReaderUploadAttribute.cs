using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Public forms with a screenshot (the check and the tip line): the request may be as large as one upload
/// (Media:MaxUploadBytes) plus the text, and a larger one gets a 413 page in the reader's language instead
/// of a dropped connection.
/// </summary>
public sealed class ReaderUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<MediaOptions>();
        var limit = options.MaxUploadBytes + 1024 * 1024;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        if (!http.Request.HasFormContentType) return;
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            var language = SiteLanguage.Find(http.GetRouteValue("lang") as string) ?? SiteLanguage.Default;
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            context.Result = Problem(http, language, StatusCodes.Status413PayloadTooLarge,
                string.Format(language.Culture, text["Media.Error.RequestTooLarge"], ScreenshotProcessor.Megabytes(options.MaxUploadBytes)));
        }
    }

    public static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static int StatusOf(MediaProblem problem) => problem switch
    {
        MediaProblem.TooLarge => StatusCodes.Status413PayloadTooLarge,
        MediaProblem.NotAnImage or MediaProblem.Renamed or MediaProblem.Disguised or MediaProblem.HeicUnsupported => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static string Explain(IStringLocalizer<SharedResource> text, SiteLanguage language, MediaRejectedException e) =>
        string.Format(language.Culture, text[$"Media.Error.{e.Problem}"], [.. e.Values]);

    /// <summary>A page with a status and a message in the reader's language (the input is never echoed).</summary>
    internal static ViewResult Problem(HttpContext http, SiteLanguage language, int status, string message)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = status == StatusCodes.Status429TooManyRequests ? text["Error.TooMany"] : text["Error.BadRequest"];
        return new ViewResult
        {
            ViewName = "Message",
            StatusCode = status,
            ViewData = new ViewDataDictionary<MessagePage>(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), new ModelStateDictionary())
            {
                Model = new MessagePage
                {
                    Language = language, Title = title, Heading = title, Message = message, LanguageLinks = PublicPageExtensions.HomeLinks(language),
                },
            },
        };
    }
}
