using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Who may fetch a screenshot file. /media serves only the files of published advisories: a draft's
/// screenshots, a scheduled one's, and a withdrawn advisory's (kept for the record) answer 404 there,
/// and so does a file no screenshot refers to (left by a crash or a discarded upload). Signed-in staff
/// get every screenshot at /admin/media/{name} (the back-office cookie only travels under /admin), and
/// whoever holds a preview link gets that advisory's at /preview/{token}/media/{name} (PreviewController).
/// Share cards (<see cref="ShareCards"/>, "card-….png") are public: one is drawn only for a published page,
/// and shows nothing but its title, verdict and the site's name.
/// </summary>
public static partial class MediaAccess
{
    public const string PublicPath = "/media/";
    public const string BackOfficePath = BackOfficeSetup.PathBase + "/media/";
    public static string PreviewPath(string token) => $"/preview/{token}/media/";

    /// <summary>A name the media library makes: a hex content hash and an extension.</summary>
    public static bool IsName(string? name) => name is not null && MediaName().IsMatch(name);

    public const string ShareCardPrefix = "card-";

    /// <summary>A share card's name: "card-", a hex hash of what it shows, ".png".</summary>
    public static bool IsShareCard(string? name) => name is not null && ShareCardName().IsMatch(name);

    /// <summary>Whether a published advisory shows the file (so readers, CDNs and feed readers may have it).</summary>
    public static Task<bool> IsPublishedAsync(AppDbContext db, string name, CancellationToken cancellationToken = default) =>
        db.ScreenshotFiles.Where(f => f.FileName == name)
            .AnyAsync(f => db.Screenshots.Any(s => s.Id == f.ScreenshotId &&
                db.Advisories.Any(a => a.Id == s.AdvisoryId && a.Status == AdvisoryStatus.Published)), cancellationToken);

    /// <summary>Lets a /media request through to the files only when <see cref="IsPublishedAsync"/>; anything else is a 404.</summary>
    public static IApplicationBuilder UsePublishedMediaOnly(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/media"), branch => branch.Use(async (context, next) =>
        {
            var name = context.Request.Path.Value!.Length > PublicPath.Length ? context.Request.Path.Value[PublicPath.Length..] : null;
            if (IsShareCard(name) || IsName(name) && await IsPublishedAsync(context.RequestServices.GetRequiredService<AppDbContext>(), name!, context.RequestAborted))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }));

    /// <summary>The stored file as a response (404 when the store does not have it).</summary>
    public static IActionResult File(ControllerBase controller, IMediaStore store, string name)
    {
        var info = store.Find(name);
        if (!info.Exists) return controller.NotFound();
        var type = Path.GetExtension(name) switch { ".webp" => "image/webp", ".jpg" => "image/jpeg", ".png" => "image/png", _ => null };
        return type is null ? controller.NotFound() : controller.File(info.CreateReadStream(), type);
    }

    [GeneratedRegex(@"^[0-9a-f]{16,64}\.[a-z0-9]{2,10}$")]
    private static partial Regex MediaName();

    [GeneratedRegex(@"^card-[0-9a-f]{32}\.png$")]
    private static partial Regex ShareCardName();
}
