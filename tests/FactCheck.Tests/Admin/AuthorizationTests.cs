using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Admin;

/// <summary>
/// Walks every back-office endpoint the app has (from its endpoint data source, not from a list kept
/// by hand) and checks that anonymous and under-privileged requests are refused. A new /admin route
/// without authorization fails here; so does one that lets Contributors publish or Editors manage users.
/// </summary>
public class AuthorizationTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    /// <summary>The ways in: the only back-office endpoints that anyone may reach.</summary>
    private static readonly HashSet<string> OpenToAnyone =
    [
        "GET admin/sign-in", "POST admin/sign-in",
        "GET admin/sign-in/two-factor", "POST admin/sign-in/two-factor",
        "GET admin/sign-in/recovery", "POST admin/sign-in/recovery",
        "GET admin/setup/{token}", "POST admin/setup/{token}",
        "GET admin/denied", "POST admin/language",
    ];

    /// <summary>
    /// What Contributors may do besides: write and submit drafts (and delete their own), look at history, work with
    /// the desk (notes, assignments, the review queue, bulk actions within their rights), manage their own account.
    /// Not preview links: those show unpublished work to people without an account (Editors).
    /// </summary>
    private static readonly HashSet<string> OpenToContributors =
    [
        "GET admin", "POST admin/sign-out",
        "GET admin/advisories", "GET admin/advisories/new", "POST admin/advisories/new",
        "GET admin/advisories/{id:guid}", "POST admin/advisories/{id:guid}", "POST admin/advisories/preview-body",
        "GET admin/advisories/{id:guid}/preview", "POST admin/advisories/{id:guid}/submit",
        "GET admin/advisories/{id:guid}/revisions", "GET admin/advisories/{id:guid}/revisions/{number:int}",
        "GET admin/advisories/{id:guid}/revisions/compare",
        "GET admin/advisories/{id:guid}/screenshots/new", "POST admin/advisories/{id:guid}/screenshots",
        "GET admin/advisories/{id:guid}/screenshots/staged/{token}", "POST admin/advisories/{id:guid}/screenshots/staged/{token}",
        "GET admin/advisories/{id:guid}/screenshots/staged/{token}/image",
        "GET admin/advisories/{id:guid}/screenshots/{shotId:int}", "POST admin/advisories/{id:guid}/screenshots/{shotId:int}",
        "POST admin/advisories/{id:guid}/screenshots/{shotId:int}/move", "POST admin/advisories/{id:guid}/screenshots/{shotId:int}/delete",
        "POST admin/advisories/{id:guid}/screenshots/{shotId:int}/redact",
        "GET admin/media/{name}",
        "GET admin/advisories/{id:guid}/delete", "POST admin/advisories/{id:guid}/delete",
        "GET admin/review", "POST admin/advisories/bulk",
        "POST admin/advisories/{id:guid}/notes", "POST admin/advisories/{id:guid}/assignee",
        "GET admin/account/notifications", "POST admin/account/notifications",
        "GET admin/registry", "GET admin/registry/{id:int}", "GET admin/registry/{id:int}/revisions", "GET admin/registry/{id:int}/revisions/{number:int}",
        "GET admin/organisations",
        "GET admin/tips", "GET admin/tips/{id:guid}", "GET admin/tips/{id:guid}/image", "POST admin/tips/{id:guid}/redact",
        "POST admin/tips/{id:guid}/dismiss", "POST admin/tips/draft",
        "POST admin/advisories/{id:guid}/autosave", "POST admin/advisories/new/autosave",
        "POST admin/advisories/{id:guid}/autosave/discard", "POST admin/advisories/new/autosave/discard",
        "GET admin/advisories/translation-choices", "POST admin/advisories/{id:guid}/translate", "POST admin/advisories/{id:guid}/translation/up-to-date",
        "POST admin/advisories/{id:guid}/screenshots/stage", "POST admin/advisories/{id:guid}/screenshots/staged/{token}/add",
        "POST admin/advisories/{id:guid}/screenshots/reuse",
        "GET admin/account", "POST admin/account/password", "GET admin/account/two-factor", "POST admin/account/two-factor",
        "GET admin/account/two-factor/qr.png", "POST admin/account/two-factor/disable", "POST admin/account/recovery-codes",
    ];

    /// <summary>Admin-only areas: users and roles, settings (tip retention too), the rating scale, the audit log.</summary>
    private static bool IsAdminOnly(string key) =>
        new[] { "admin/users", "admin/settings", "admin/ratings", "admin/audit", "admin/webhooks" }.Any(prefix => key.Split(' ')[1].StartsWith(prefix, StringComparison.Ordinal));

    private IReadOnlyList<(string Key, string Method, string Url)> BackOfficeEndpoints()
    {
        var endpoints = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/').Split('/')[0] == "admin")
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => ($"{method} {e.RoutePattern.RawText!.TrimStart('/')}", method, Url(e.RoutePattern))))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= OpenToAnyone.Count + OpenToContributors.Count, "the back-office endpoints were not found");
        return endpoints;
    }

    /// <summary>A concrete address for a route pattern: any value that satisfies its constraints.</summary>
    private static string Url(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content == "guid") ? Guid.NewGuid().ToString()
                : parameter.ParameterPolicies.Any(p => p.Content is "int" or "long") ? "1"
                : "x",
            _ => "",
        }))));

    /// <summary>The endpoints that did not answer with a redirect to <paramref name="page"/> (sign-in or denied), described.</summary>
    private static async Task<List<string>> NotSentToAsync(HttpClient client, string page, IEnumerable<(string Key, string Method, string Url)> endpoints)
    {
        var failures = new List<string>();
        foreach (var (key, method, url) in endpoints)
        {
            var response = await SendAsync(client, method, url);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != page)
                failures.Add($"{key} ({url}) answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        return failures;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "GET" ? null : new FormUrlEncodedContent([]),
        });

    [Fact]
    public void The_lists_above_name_endpoints_that_exist()
    {
        var keys = BackOfficeEndpoints().Select(e => e.Key).ToHashSet();
        var stale = OpenToAnyone.Concat(OpenToContributors).Where(k => !keys.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "listed but not an endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_back_office_endpoint_refuses_anonymous_requests()
    {
        var client = site.Browser();
        var failures = await NotSentToAsync(client, "/admin/sign-in", BackOfficeEndpoints().Where(e => !OpenToAnyone.Contains(e.Key)));
        Assert.True(failures.Count == 0, "reachable without signing in:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Contributors_are_refused_everything_beyond_writing()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Contributor);
        var failures = await NotSentToAsync(client, "/admin/denied", BackOfficeEndpoints().Where(e => !OpenToAnyone.Contains(e.Key) && !OpenToContributors.Contains(e.Key)));
        Assert.True(failures.Count == 0, "reachable by a Contributor:\n" + string.Join("\n", failures));
        // And the contributor is still signed in: the refusals were authorization, not a lost session.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Editors_are_refused_the_admin_areas()
    {
        var (client, _) = await site.SignedInAsync(EditorRoles.Editor);
        var failures = await NotSentToAsync(client, "/admin/denied", BackOfficeEndpoints().Where(e => IsAdminOnly(e.Key)));
        Assert.True(failures.Count == 0, "reachable by an Editor:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task A_signed_in_account_without_a_role_is_refused_everything()
    {
        var user = await site.CreateUserAsync(role: null);
        var client = site.Browser();
        await BackOfficeSite.SignInAsync(client, user.Email!, BackOfficeSite.Password);
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/denied", response.Headers.Location!.AbsolutePath);
    }
}
