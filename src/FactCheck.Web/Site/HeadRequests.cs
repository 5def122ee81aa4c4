namespace FactCheck;

/// <summary>
/// Answers HEAD wherever GET is answered (feed readers and crawlers use it): the request runs as a
/// GET with its body discarded, so headers — ETag, Content-Type, caching — are exactly the GET's.
/// </summary>
public sealed class HeadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
