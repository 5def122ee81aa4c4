using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace FactCheck;

/// <summary>What is wrong with the storage under the site, as far as an editor or an operator needs to know.</summary>
public enum StorageProblem { Busy, Full, ReadOnly, Unavailable }

/// <summary>
/// Storage trouble told apart from bugs: a locked database, a full disk, a read-only folder, a database
/// server that is gone. Such failures are not the editor's fault and not a 500 — they get a page that
/// says what happened and keeps what was typed (<see cref="StorageTroubleFilter"/>), /health reports
/// them (<see cref="StorageHealthCheck"/>), and at start-up they get one line naming the path.
/// </summary>
public static class StorageProblems
{
    /// <summary>The storage problem behind <paramref name="exception"/> (or any exception inside it), or null for anything else.</summary>
    public static StorageProblem? Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite:
                    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN (primary codes)
                    switch (sqlite.SqliteErrorCode & 0xFF)
                    {
                        case 5 or 6: return StorageProblem.Busy;
                        case 13: return StorageProblem.Full;
                        case 8: return StorageProblem.ReadOnly;
                        case 10 or 14: return StorageProblem.Unavailable;
                    }
                    break;
                case PostgresException postgres:
                    switch (postgres.SqlState)
                    {
                        case "53100": return StorageProblem.Full; // disk_full
                        case "25006": return StorageProblem.ReadOnly; // read_only_sql_transaction (a standby, or default_transaction_read_only)
                        case "55P03" or "57014" or "53300" or "40P01": return StorageProblem.Busy; // lock not available, timeout, too many connections, deadlock
                        case "57P01" or "57P02" or "57P03": return StorageProblem.Unavailable; // shutting down, starting up
                    }
                    break;
                case NpgsqlException:
                    return StorageProblem.Unavailable; // no connection to the server
                case IOException io when (io.HResult & 0xFFFF) is 28 or 0x70: // ENOSPC, ERROR_DISK_FULL
                    return StorageProblem.Full;
                case IOException io when (io.HResult & 0xFFFF) is 30: // EROFS
                    return StorageProblem.ReadOnly;
                case UnauthorizedAccessException:
                    return StorageProblem.ReadOnly;
            }
        }
        return null;
    }

    public static bool IsStorage(Exception exception) => Of(exception) is not null;

    /// <summary>The resource key of the sentence that tells an editor or reader what happened.</summary>
    public static string MessageKey(StorageProblem problem) => $"Storage.{problem}";
}

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

/// <summary>The back-office page for storage trouble: what happened, and the sent form, ready to send again.</summary>
public sealed class StorageProblemPage : AdminPage
{
    public required string Message { get; init; }
    /// <summary>Where "Try again" posts (the failed POST's own address), or null after a GET.</summary>
    public string? Action { get; init; }
    /// <summary>Where to start again when the form cannot be sent again from here (it needed a password).</summary>
    public string? Back { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>Fields worth showing, not only carrying: text someone typed (a title, a body, a note).</summary>
    public IEnumerable<KeyValuePair<string, string>> Typed =>
        Fields.Where(f => f.Value.Length >= 20 || f.Value.Contains('\n', StringComparison.Ordinal));
}
