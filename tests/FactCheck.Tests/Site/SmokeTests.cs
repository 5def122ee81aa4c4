namespace FactCheck.Tests.Site;

public class SmokeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Arabic_home_page_is_right_to_left()
    {
        var response = await site.Client().GetAsync("/ar/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", html);
    }
}
