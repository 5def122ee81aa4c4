using System.Net;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Admin;

/// <summary>
/// The two ways to the first administrator (docs/back-office.md), each run for real: the built app as a
/// process on an empty data folder, its output read as an operator reads it.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private const string Password = "a long passphrase for the chief 7";
    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "factcheck-commands", Guid.NewGuid().ToString("N"));

    private AppDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions(), dataPath);
        return new AppDbContext(options.Options);
    }

    private async Task<List<(string Email, string? Role)>> AccountsAsync()
    {
        await using var db = OpenDatabase();
        return (await (from user in db.Users
                       join userRole in db.UserRoles on user.Id equals userRole.UserId into roles
                       from userRole in roles.DefaultIfEmpty()
                       join role in db.Roles on userRole.RoleId equals role.Id into names
                       from role in names.DefaultIfEmpty()
                       select new { user.Email, Role = role.Name }).ToListAsync())
            .Select(a => (a.Email!, (string?)a.Role)).ToList();
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await Form.LoadAsync(client, "/admin/sign-in");
        return await form.Set("Email", email).Set("Password", password).SubmitAsync(client);
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_can_sign_in_and_refuses_bad_input_with_a_non_zero_exit_code()
    {
        var created = await SiteProcess.RunAsync(dataPath, Password + "\n", "create-admin", "chief@example.org", "--name", "رئيسة التحرير");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Contains("Created administrator chief@example.org", created.Output);
        Assert.DoesNotContain(Password, created.Output);
        Assert.Equal([("chief@example.org", EditorRoles.Admin)], await AccountsAsync());
        await using (var db = OpenDatabase())
        {
            Assert.Equal("رئيسة التحرير", (await db.Users.SingleAsync()).DisplayName);
            var audit = await db.AuditLog.SingleAsync(e => e.Action == AuditAction.UserCreated);
            Assert.Equal("user chief@example.org", audit.Target);
        }

        // Refusals say why on the console, exit non-zero and change nothing.
        var badEmail = await SiteProcess.RunAsync(dataPath, Password + "\n", "create-admin", "chief-at-example.org");
        Assert.Equal(2, badEmail.ExitCode);
        Assert.Contains("'chief-at-example.org' is not an e-mail address", badEmail.Output);

        var noEmail = await SiteProcess.RunAsync(dataPath, Password + "\n", "create-admin");
        Assert.Equal(2, noEmail.ExitCode);
        Assert.Contains("Usage: create-admin <email>", noEmail.Output);

        var existing = await SiteProcess.RunAsync(dataPath, "another password entirely 9\n", "create-admin", "chief@example.org");
        Assert.Equal(1, existing.ExitCode);
        Assert.Contains("An account for chief@example.org already exists", existing.Output);

        var common = await SiteProcess.RunAsync(dataPath, "password1234\n", "create-admin", "deputy@example.org");
        Assert.Equal(1, common.ExitCode);
        Assert.Contains("No account was created", common.Output);

        Assert.Equal([("chief@example.org", EditorRoles.Admin)], await AccountsAsync());

        // With an account in place the site prints no setup link, and the administrator signs in with
        // the password given to the command (the existing-account attempt did not change it).
        var (site, baseUrl) = await SiteProcess.StartServerAsync(dataPath);
        await using (site)
        {
            using var client = SiteProcess.Client(baseUrl);
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "chief@example.org", "another password entirely 9")).StatusCode);
            var signedIn = await SignInAsync(client, "chief@example.org", Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode); // an Admin-only page
            Assert.DoesNotContain("/admin/setup/", site.Output);
        }
        // "From where": the address the requests really came from, as the server saw it.
        await using (var db = OpenDatabase())
        {
            var signIns = await db.AuditLog.Where(e => e.Action == AuditAction.SignIn || e.Action == AuditAction.SignInFailed).ToListAsync();
            Assert.Equal([AuditAction.SignInFailed, AuditAction.SignIn], signIns.OrderBy(e => e.Id).Select(e => e.Action));
            Assert.All(signIns, e => Assert.Equal("127.0.0.1", e.IpAddress));
        }
    }

    [Fact]
    public async Task First_start_prints_a_one_time_setup_link_that_creates_the_first_administrator()
    {
        var (site, _) = await SiteProcess.StartServerAsync(dataPath);
        await using (site)
        {
            // Printed once the server listens, with the address it listens on.
            var line = await site.WaitForLineAsync(l => l.Contains("/admin/setup/", StringComparison.Ordinal));
            var link = new Uri(line.Trim());
            Assert.Equal("https", link.Scheme);
            Assert.Contains("create-admin", site.Output);

            using var client = SiteProcess.Client(new Uri(link.GetLeftPart(UriPartial.Authority)));
            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // no account: nobody is in
            var form = await Form.LoadAsync(client, link.PathAndQuery);
            form.Set("Email", "first@example.org").Set("DisplayName", "المديرة الأولى")
                .Set("Password", Password).Set("ConfirmPassword", Password);
            var created = await form.SubmitAsync(client);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode); // signed in, as an Admin

            // The link works once.
            using var stranger = SiteProcess.Client(new Uri(link.GetLeftPart(UriPartial.Authority)));
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link.PathAndQuery)).StatusCode);
        }
        Assert.Equal([("first@example.org", EditorRoles.Admin)], await AccountsAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}
