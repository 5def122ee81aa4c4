using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FactCheck;

public static class MediaFiles
{
    /// <summary>
    /// Serves the media store (<see cref="IMediaStore"/>) at /media. Names are content hashes, so a response never goes stale:
    /// a year of immutable caching. Only our own extensions are served, with their exact types.
    /// </summary>
    public static IApplicationBuilder UseMediaFiles(this WebApplication app)
    {
        var media = app.Services.GetRequiredService<IMediaStore>();
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider(new Dictionary<string, string>
        {
            [".webp"] = "image/webp",
            [".jpg"] = "image/jpeg",
            [".png"] = "image/png",
        });
        // Only what readers may see: the files of published advisories (MediaAccess).
        app.UsePublishedMediaOnly();
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = media.Files,
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
                context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable",
        });
    }
}
