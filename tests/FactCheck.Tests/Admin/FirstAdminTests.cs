using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

/// <summary>A fresh site has no account and no default password: only the one-time setup link creates the first administrator.</summary>
public class FirstAdminTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    [Fact]
    public async Task The_setup_link_creates_one_administrator_once()
    {
        var token = site.Services.GetRequiredService<FirstAdminSetup>().CreateToken();
        var client = site.Browser();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/setup/" + new string('x', 43))).StatusCode);

        // A common password is refused, and everything else typed is kept.
        var form = await Form.LoadAsync(client, "/admin/setup/" + token);
        form.Set("Email", "chief@example.org").Set("DisplayName", "رئيسة التحرير")
            .Set("Password", "password1234").Set("ConfirmPassword", "password1234");
        var refused = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ReadAsync(refused);
        Assert.NotNull(page.QuerySelector(".form-errors"));
        Assert.Equal("chief@example.org", page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal("رئيسة التحرير", page.QuerySelector("#display-name")!.GetAttribute("value"));

        form = Form.Parse(await refused.Content.ReadAsStringAsync());
        form.Set("Password", BackOfficeSite.Password).Set("ConfirmPassword", BackOfficeSite.Password);
        var created = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        await site.WithDatabaseAsync(async db =>
        {
            var admin = await db.Users.SingleAsync();
            Assert.Equal("chief@example.org", admin.Email);
            var roleId = await db.UserRoles.Where(r => r.UserId == admin.Id).Select(r => r.RoleId).SingleAsync();
            Assert.Equal(EditorRoles.Admin, await db.Roles.Where(r => r.Id == roleId).Select(r => r.Name).SingleAsync());
            Assert.True(await db.AuditLog.AnyAsync(e => e.Action == AuditAction.UserCreated && e.UserId == admin.Id));
        });

        // The link is spent.
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/admin/setup/" + token)).StatusCode);
    }
}

public class RateLimitedSite : BackOfficeSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        base.Settings.Append(new("BackOffice:SignInAttemptsPerMinute", "3"));
}

public class RateLimitTests(RateLimitedSite site) : IClassFixture<RateLimitedSite>
{
    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client()
    {
        var client = site.Browser();
        var form = await Form.LoadAsync(client, "/admin/sign-in");
        form.Set("Email", "someone@example.org").Set("Password", "wrong password");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await form.SubmitAsync(client)).StatusCode);

        var limited = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/sign-in")).StatusCode);
    }
}
