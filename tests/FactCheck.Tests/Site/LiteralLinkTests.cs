using System.Text.RegularExpressions;

namespace FactCheck.Tests;

/// <summary>
/// Every internal link is built by routing (tag helpers, Url.Action, RedirectToAction), so renaming a
/// route cannot leave a page linking to nothing. The views and controllers are found by listing the
/// folder, so a new view is checked without anyone adding it here.
/// </summary>
public partial class LiteralLinkTests
{
    private static readonly string Web = System.IO.Path.Combine(RepositoryRoot.Path, "src", "FactCheck.Web");

    /// <summary>A link attribute whose value is a site path ("/…", not "//host" and not "~/asset").</summary>
    [GeneratedRegex("""\b(?:href|action|formaction|src|poster|data-[\w-]+-url)\s*=\s*"(/(?!/)[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralLink();

    /// <summary>A back-office path written out in code ("/admin/…" or $"/admin/…").</summary>
    [GeneratedRegex("""\$?@?"/admin\b""")]
    private static partial Regex AdminLiteral();

    /// <summary>A redirect to a path written out: Redirect("/…"), Redirect($"/…").</summary>
    [GeneratedRegex("""\b(?:Redirect|LocalRedirect|RedirectPermanent)\(\s*\$?@?"/""")]
    private static partial Regex LiteralRedirect();

    /// <summary>The few places where a written path is the point, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        // The path every back-office route, cookie and rate limit is built from: routes start here.
        ["BackOffice/BackOfficeSetup.cs"] = "PathBase",
        // "/" sends a reader to their language's home with its trailing slash ("/uk/", the canonical home
        // URL); routing would write "/uk".
        ["Advisories/AdvisoriesController.cs"] = "Redirect($\"/{language.Code}/\")",
    };

    public static TheoryData<string> Views() => [.. Files("*.cshtml")];
    public static TheoryData<string> Code() => [.. Files("*.cs")];

    private static List<string> Files(string pattern)
    {
        var data = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Web, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(Web, file).Replace('\\', '/');
            if (!relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
                data.Add(relative);
        }
        return data;
    }

    [Fact]
    public void Every_view_and_controller_is_walked()
    {
        Assert.Contains("Areas/Admin/Views/Shared/_AdminLayout.cshtml", Files("*.cshtml"));
        Assert.Contains("Views/Shared/_Layout.cshtml", Files("*.cshtml"));
        Assert.True(Files("*.cshtml").Count > 50);
        Assert.True(Files("*.cs").Count > 300);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void A_view_builds_its_links_by_routing(string view)
    {
        Assert.Empty(LiteralLinksIn(File.ReadAllText(System.IO.Path.Combine(Web, view))));
    }

    [Theory]
    [MemberData(nameof(Code))]
    public void Code_redirects_and_links_by_routing(string file)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(Web, file));
        var found = AdminLiteral().Matches(text).Concat(LiteralRedirect().Matches(text)).Select(m => LineOf(text, m.Index)).ToList();
        if (Allowed.TryGetValue(file, out var reason))
            found.RemoveAll(line => line.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(found);
    }

    [Fact]
    public void A_planted_literal_link_is_caught()
    {
        Assert.NotEmpty(LiteralLinksIn("""<a href="/admin/advisories">x</a>"""));
        Assert.NotEmpty(LiteralLinksIn("""<form method="post" action="/admin/tips/@tip.Id/redact">"""));
        Assert.NotEmpty(LiteralLinksIn("""<a href="/@language.Code/advisories">x</a>"""));
        Assert.NotEmpty(LiteralLinksIn("""<div data-search-url="/admin/advisories/translation-choices">"""));
        Assert.NotEmpty(LiteralLinksIn("""@{ var path = $"/admin/advisories/{Model.Id}"; }"""));
        Assert.Empty(LiteralLinksIn("""<link rel="icon" href="~/favicon.ico"><a href="https://example.org/">x</a><a href="#desk">y</a>"""));
        Assert.Empty(LiteralLinksIn("""<a asp-area="Admin" asp-controller="Tips" asp-action="Show" asp-route-id="@tip.Id">x</a>"""));
    }

    private static List<string> LiteralLinksIn(string text) =>
        LiteralLink().Matches(text).Concat(AdminLiteral().Matches(text)).Select(m => LineOf(text, m.Index)).ToList();

    private static string LineOf(string text, int index)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        var end = text.IndexOf('\n', index);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }
}
