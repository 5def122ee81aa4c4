using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// The back-office only over HTTPS (outside Development): its cookies are Secure and antiforgery refuses
/// to issue a token on plain HTTP, which would otherwise surface as a 500 from deep inside a form.
/// A GET is sent on to the server's own HTTPS address when it has one (script/server listens on both);
/// anything else is told, in the editor's language, why it was refused. Behind a proxy that terminates
/// TLS, ASPNETCORE_FORWARDEDHEADERS_ENABLED makes such requests HTTPS (README, "Running at scale").
/// </summary>
public sealed class BackOfficeHttps(RequestDelegate next, IServer server, IWebHostEnvironment environment)
{
    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        if (context.Request.IsHttps || environment.IsDevelopment() || !BackOfficeLanguage.IsBackOfficePath(context.Request.Path))
        {
            await next(context);
            return;
        }

        var httpsPort = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri?.Scheme == Uri.UriSchemeHttps)?.Port;
        if (httpsPort is { } port && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            var request = context.Request;
            context.Response.Redirect($"https://{request.Host.Host}:{port}{request.PathBase}{request.Path}{request.QueryString}", permanent: false, preserveMethod: true);
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
