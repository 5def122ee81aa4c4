namespace FactCheck.Tests.Publishing;

public class UrlPolicyTests
{
    [Theory]
    [InlineData("https://bank.example/help")]
    [InlineData("http://bank.example")]
    [InlineData("HTTPS://BANK.EXAMPLE/")]
    [InlineData("https://example.com/ar/%D9%85%D9%82%D8%A7%D9%84")]
    [InlineData("https://example.com/ar/مقال")]
    [InlineData("https://example.com/search?q=javascript%3Aalert&lang=ar")]
    [InlineData("https://bank.example:8443/a#b")]
    [InlineData("mailto:desk@factcheck.example")]
    [InlineData("/ar/advisories/fake-support")]
    [InlineData("#steps")]
    [InlineData("?page=2")]
    [InlineData("other-advisory")]
    public void Web_mail_and_site_links_are_allowed(string url)
    {
        Assert.True(UrlPolicy.IsAllowed(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("javascript\u200B:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("javascript&colon;alert(1)")]
    [InlineData("javascript%3Aalert(1)")]
    [InlineData("javascript%253Aalert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("tel:+966112345678")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https:evil.example")]
    [InlineData("https://bank.example@evil.example/")]
    [InlineData("https://")]
    [InlineData("mailto:")]
    [InlineData("https://evil.example/\u202Egpj.exe")]
    public void Everything_else_is_refused(string? url)
    {
        Assert.False(UrlPolicy.IsAllowed(url));
    }

    [Theory]
    [InlineData("https://bank.example/help", true)]
    [InlineData("http://bank.example", true)]
    [InlineData("/ar/advisories", false)]
    [InlineData("#steps", false)]
    [InlineData("mailto:desk@factcheck.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("//evil.example", false)]
    public void Only_absolute_web_links_count_as_leaving_the_site(string url, bool expected)
    {
        Assert.Equal(expected, UrlPolicy.IsAbsoluteWeb(url));
    }
}
