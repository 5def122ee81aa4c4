using System.Net;
using AngleSharp.Html.Parser;

namespace FactCheck.Tests.Admin;

/// <summary>
/// Over plain HTTP (here the test server, which has no HTTPS address) the back-office explains that it
/// needs HTTPS, in the editor's language, instead of failing inside antiforgery with a 500.
/// </summary>
public class BackOfficeHttpsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("ar", "rtl", "لوحة التحرير تتطلب HTTPS")]
    [InlineData("uk", "ltr", "Редакторська частина потребує HTTPS")]
    [InlineData("en", "ltr", "The back-office needs HTTPS")]
    public async Task Sign_in_over_plain_HTTP_is_refused_with_a_message_not_a_500(string language, string dir, string title)
    {
        var client = site.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var response = await client.GetAsync("/admin/sign-in");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal((language, dir), (page.DocumentElement.GetAttribute("lang"), page.DocumentElement.GetAttribute("dir")));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("https://", page.QuerySelector("p")!.TextContent);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        // A form posted over HTTP (no token could have been issued) gets the same answer.
        var post = await client.PostAsync("/admin/sign-in", new FormUrlEncodedContent([new("Email", "a@example.org"), new("Password", "x")]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Public_pages_stay_on_plain_HTTP()
    {
        Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/ar")).StatusCode);
    }
}
