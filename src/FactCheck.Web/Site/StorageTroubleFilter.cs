using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Turns a storage failure during a back-office action into a 503 page that says what happened and
/// keeps everything the editor sent (except passwords and codes) in a form that sends it again; on a
/// public page, into the reader's "try again in a minute" page. Nothing was saved: every write is one
/// transaction, rolled back when it failed.
/// </summary>
public sealed class StorageTroubleFilter(IStringLocalizer<SharedResource> text, ILogger<StorageTroubleFilter> logger) : IExceptionFilter
{
    /// <summary>Fields never written back into a page.</summary>
    private static readonly string[] Secrets = ["password", "code", "__RequestVerificationToken"];

    public void OnException(ExceptionContext context)
    {
        if (StorageProblems.Of(context.Exception) is not { } problem) return;
        var http = context.HttpContext;
        logger.LogWarning("{Method} {Path} refused: storage {Problem}: {Message}", http.Request.Method, http.Request.Path, problem, context.Exception.Message);
        http.Response.Headers.RetryAfter = problem == StorageProblem.Busy ? "5" : "60";
        http.Response.Headers.CacheControl = "no-store";
        context.ExceptionHandled = true;
        var message = text[StorageProblems.MessageKey(problem)];
        if (!BackOfficeLanguage.IsBackOfficePath(http.Request.Path))
        {
            var language = SiteLanguage.Find(http.Request.Path.Value?.Split('/', 3) is [_, var first, ..] ? first : null) ?? SiteLanguage.Default;
            System.Globalization.CultureInfo.CurrentUICulture = language.Culture;
            context.Result = new ViewResult
            {
                ViewName = "Message",
                StatusCode = StatusCodes.Status503ServiceUnavailable,
                ViewData = new ViewDataDictionary<MessagePage>(new EmptyModelMetadataProvider(), context.ModelState)
                {
                    Model = new MessagePage
                    {
                        Language = language, Title = text["Error.Unavailable"], Heading = text["Error.Unavailable"], Message = message,
                        LanguageLinks = PublicPageExtensions.HomeLinks(language),
                    },
                },
            };
            return;
        }
        var sent = http.Request.HasFormContentType
            ? http.Request.Form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList()
            : [];
        bool Secret(string key) => Secrets.Any(s => key.Contains(s, StringComparison.OrdinalIgnoreCase));
        var kept = sent.Where(f => !Secret(f.Key)).ToList();
        // A form that needs a password or code again (sign-in) cannot be sent again from here: back to its page instead.
        var canResend = HttpMethods.IsPost(http.Request.Method) && !sent.Any(f => Secret(f.Key) && f.Key != "__RequestVerificationToken");
        context.Result = new ViewResult
        {
            ViewName = "StorageProblem",
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ViewData = new ViewDataDictionary<StorageProblemPage>(new EmptyModelMetadataProvider(), context.ModelState)
            {
                Model = new StorageProblemPage
                {
                    Title = text["Storage.Title"],
                    Message = message,
                    Action = canResend ? http.Request.Path + http.Request.QueryString : null,
                    Back = canResend ? null : http.Request.Path + http.Request.QueryString,
                    Fields = kept,
                },
            },
        };
    }
}
