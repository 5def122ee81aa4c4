using System.Net;

namespace FactCheck.Tests.Admin;

public class AdvisoryListTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task The_list_finds_advisories_by_part_of_the_title_or_the_slug()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        var marker = "قائمة" + Guid.NewGuid().ToString("N")[..6];
        await site.AddAdvisoryAsync(a => a.Title = "تنبيه " + marker + " دعم");
        var bySlug = await site.AddAdvisoryAsync(a => a.Slug = "list-slug-" + Guid.NewGuid().ToString("N")[..6]);

        var byTitle = await client.GetStringAsync("/admin/advisories?q=" + Uri.EscapeDataString(marker));
        Assert.Contains(marker, byTitle);
        var slugPage = await client.GetStringAsync("/admin/advisories?q=" + bySlug.Slug);
        Assert.Contains(bySlug.Id.ToString(), slugPage);
    }

    [Theory]
    [InlineData("a%00b")]
    [InlineData("%1B")]
    public async Task A_query_with_control_characters_is_ignored_not_an_error(string query)
    {
        // On PostgreSQL a NUL in a query parameter is a server error; no title holds one anyway.
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        var response = await client.GetAsync("/admin/advisories?q=" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
