using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// The back-office only over HTTPS (outside Development): its cookies are Secure and antiforgery refuses
/// to issue a token on plain HTTP, which would otherwise surface as a 500 from deep inside a form.
/// The framework's HTTPS redirection sends a plain-HTTP request on to the server's own HTTPS address
/// when it has one (script/server listens on both); this middleware, after it, tells the editor why
/// anything that is still plain HTTP is refused, in their language. Behind a proxy that terminates TLS,
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED makes such requests HTTPS (README, "Running at scale").
/// </summary>
public sealed class BackOfficeHttps(RequestDelegate next)
{
    public static void Use(WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return;
        app.UseWhen(context => BackOfficeLanguage.IsBackOfficePath(context.Request.Path), branch =>
        {
            branch.UseHttpsRedirection();
            branch.UseMiddleware<BackOfficeHttps>();
        });
    }

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        if (context.Request.IsHttps)
        {
            await next(context);
            return;
        }

        var language = BackOfficeLanguage.Current;
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        await context.Response.WriteAsync(
            $"""
            <!doctype html>
            <html lang="{language.Code}" dir="{language.Dir}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>{encoder.Encode(text["Admin.HttpsRequired.Title"])}</title>
            <main><h1>{encoder.Encode(text["Admin.HttpsRequired.Title"])}</h1><p>{encoder.Encode(text["Admin.HttpsRequired.Text"])}</p></main>
            """);
    }
}
