using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Site;

/// <summary>
/// Public pages come from the output cache, and every change an editor makes shows on the very next
/// request: publish, edit, correction and withdrawal through the real back-office forms.
/// </summary>
public class OutputCachingTests(BackOfficeSite site) : IClassFixture<BackOfficeSite>
{
    private sealed record Published(HttpClient Editor, Guid Id, string Title, string Path);

    /// <summary>Six random Arabic letters: unique, and not split off by the bidi isolation Latin runs get.</summary>
    private static string Unique() => string.Concat(Enumerable.Range(0, 6).Select(_ => ArabicLetters[Random.Shared.Next(ArabicLetters.Length)]));

    private const string ArabicLetters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي";

    /// <summary>A page or feed as text (JSON Feed escapes non-ASCII letters, so it is unescaped here).</summary>
    private static async Task<string> TextAsync(HttpClient reader, string path)
    {
        var text = await reader.GetStringAsync(path);
        return path.EndsWith(".json", StringComparison.Ordinal) ? System.Text.RegularExpressions.Regex.Unescape(text) : text;
    }

    private async Task<Published> PublishAsync(Action<Form>? fill = null)
    {
        var (editor, _) = await site.SignedInAsync(EditorRoles.Editor);
        var title = "تحذير مخزن " + Unique();
        var id = await EditorSteps.CreateDraftAsync(editor, f => { f.Set("Title", title); fill?.Invoke(f); });
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(editor, id, "publish")).StatusCode);
        return new(editor, id, title, "/ar/advisories/" + Uri.EscapeDataString(SlugRules.FromTitle(title)));
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, Guid id, Action<Form> change)
    {
        var form = await Form.LoadAsync(editor, $"/admin/advisories/{id}", "#editor");
        change(form);
        var response = await form.SubmitAsync(editor, ("command", "save"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"save answered {(int)response.StatusCode}: {await EditorSteps.Errors(response)}");
        return response;
    }

    /// <summary>Changes a title behind the site's back: no publishing event, so nothing is evicted.</summary>
    private async Task RetitleSilentlyAsync(Guid id, string title)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Advisories.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, title)));
    }

    private static HttpRequestMessage Get(string path, string? acceptEncoding = null, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return request;
    }

    private static async Task<string> DecodedAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsStreamAsync();
        Stream text = response.Content.Headers.ContentEncoding.SingleOrDefault() switch
        {
            "br" => new BrotliStream(bytes, CompressionMode.Decompress),
            "gzip" => new GZipStream(bytes, CompressionMode.Decompress),
            null => bytes,
            var other => throw new InvalidOperationException("unexpected coding " + other),
        };
        return await new StreamReader(text).ReadToEndAsync();
    }

    [Fact]
    public async Task A_page_is_served_from_the_cache_until_a_change_is_committed()
    {
        var advisory = await PublishAsync();
        var reader = site.Client();
        Assert.Contains(advisory.Title, await reader.GetStringAsync(advisory.Path));

        // Rows changed without a publishing event are not seen: the page and the list come from the cache,
        // also for share links with tracking parameters (a new fbclid on every click must not bypass it).
        await RetitleSilentlyAsync(advisory.Id, "عنوان لم يعلن عنه");
        Assert.Contains(advisory.Title, await reader.GetStringAsync(advisory.Path));
        Assert.Contains(advisory.Title, await reader.GetStringAsync(advisory.Path + "?fbclid=IwAR0abc&utm_source=whatsapp"));

        // Any committed change makes every public page render afresh.
        await site.Services.GetRequiredService<PublicContent>().ChangedAsync();
        Assert.Contains("عنوان لم يعلن عنه", await reader.GetStringAsync(advisory.Path));
    }

    [Fact]
    public async Task An_edit_in_the_back_office_shows_on_the_next_request_on_the_page_lists_feeds_and_search()
    {
        var token = Unique();
        var advisory = await PublishAsync();
        var reader = site.Client();
        string[] views = [advisory.Path, "/ar/", "/ar/advisories", "/ar/feed.rss", "/ar/feed.atom", "/ar/feed.json"];
        foreach (var view in views) Assert.Contains(advisory.Title, await TextAsync(reader, view));
        var search = "/ar/search?q=" + token;
        // Hits highlight the matched word inside the title, so a hit is recognised by its link.
        Assert.DoesNotContain(advisory.Path, await reader.GetStringAsync(search));

        var newTitle = advisory.Title + " " + token;
        await SaveAsync(advisory.Editor, advisory.Id, f => f.Set("Title", newTitle).Set("ChangeKind", "minor"));

        foreach (var view in views) Assert.Contains(newTitle, await TextAsync(reader, view));
        Assert.Contains(advisory.Path, await reader.GetStringAsync(search));
    }

    [Fact]
    public async Task A_newly_published_number_is_found_by_a_check_that_was_cached_before()
    {
        var phone = "+966 55 " + Random.Shared.Next(100, 999) + " " + Random.Shared.Next(1000, 9999);
        var check = "/ar/check?q=" + Uri.EscapeDataString(phone);
        var reader = site.Client();
        var before = await reader.GetStringAsync(check);
        Assert.Equal(before, await reader.GetStringAsync(check));

        var advisory = await PublishAsync(f => f.Set("Indicators[0].Type", "Phone").Set("Indicators[0].Value", phone).Set("Indicators[0].Country", "sa"));

        Assert.DoesNotContain(advisory.Title, before);
        Assert.Contains(advisory.Title, await reader.GetStringAsync(check));
    }

    [Fact]
    public async Task A_correction_and_a_withdrawal_show_on_the_next_request()
    {
        var advisory = await PublishAsync();
        var reader = site.Client();
        foreach (var view in new[] { advisory.Path, "/ar/corrections", "/ar/", "/ar/feed.atom" }) await reader.GetStringAsync(view);

        var note = "صححنا الرقم " + Unique();
        await SaveAsync(advisory.Editor, advisory.Id, f => f.Set("Body", "نص مصحح").Set("ChangeKind", "correction").Set("CorrectionNote", note));
        Assert.Contains(note, await reader.GetStringAsync(advisory.Path));
        Assert.Contains(note, await reader.GetStringAsync("/ar/corrections"));
        Assert.Contains(note, await reader.GetStringAsync("/ar/feed.atom"));

        var reason = "تبين أن الرسالة حقيقية " + Unique();
        Assert.Equal(HttpStatusCode.Redirect, (await EditorSteps.PressAsync(advisory.Editor, advisory.Id, "withdraw", ("reason", reason))).StatusCode);
        var gone = await reader.GetAsync(advisory.Path);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains(reason, await gone.Content.ReadAsStringAsync());
        Assert.DoesNotContain(advisory.Title, await reader.GetStringAsync("/ar/"));
        Assert.DoesNotContain(advisory.Title, await reader.GetStringAsync("/ar/feed.atom"));
    }

    [Fact]
    public async Task Imported_content_shows_on_the_next_request()
    {
        // This site starts without the sample content; no test here publishes in English.
        var reader = site.Client();
        Assert.DoesNotContain("/en/advisories/", await reader.GetStringAsync("/en/"));

        using (var scope = site.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync()).Imported > 0);

        Assert.Contains("/en/advisories/", await reader.GetStringAsync("/en/"));
    }

    [Fact]
    public async Task Lists_vary_by_language_and_filter()
    {
        var reader = site.Client();
        Assert.Contains("lang=\"ar\"", await reader.GetStringAsync("/ar/"));
        Assert.Contains("lang=\"en\"", await reader.GetStringAsync("/en/"));
        var all = await reader.GetStringAsync("/ar/advisories");
        var scams = await reader.GetStringAsync("/ar/advisories?verdict=scam");
        Assert.NotEqual(all, scams);
        Assert.Contains("verdict=scam", scams);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/ar/advisories?page=-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/ar/advisories?page=999")).StatusCode);
    }

    [Fact]
    public async Task Pages_carry_CDN_cache_headers_and_an_ETag_answered_with_304_from_the_cache_and_after_a_render()
    {
        var advisory = await PublishAsync();
        var reader = site.Client();
        var first = await reader.SendAsync(Get(advisory.Path));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cacheControl = first.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(300), cacheControl.SharedMaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "60");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);

        // From the cache.
        var cached = await reader.SendAsync(Get(advisory.Path, ifNoneMatch: etag));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, cached.Headers.ETag);
        Assert.True(cached.Headers.CacheControl!.Public);

        // Rendered again (cache emptied by an unrelated change): the same bytes, so still 304.
        await site.Services.GetRequiredService<PublicContent>().ChangedAsync();
        var rendered = await reader.SendAsync(Get(advisory.Path, ifNoneMatch: etag));
        Assert.Equal(HttpStatusCode.NotModified, rendered.StatusCode);
        Assert.Empty(await rendered.Content.ReadAsByteArrayAsync());

        // Changed: the old ETag no longer matches.
        await SaveAsync(advisory.Editor, advisory.Id, f => f.Set("Summary", "ملخص جديد تماما").Set("ChangeKind", "minor"));
        var changed = await reader.SendAsync(Get(advisory.Path, ifNoneMatch: etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("ملخص جديد تماما", await changed.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task Each_reader_gets_a_coding_it_accepts_whatever_was_cached_before(string? acceptEncoding, string? expected)
    {
        var advisory = await PublishAsync();
        var reader = site.Client();
        // Fill the cache with every coding first, in an order that would expose a shared entry.
        foreach (var other in new[] { "br", "gzip", null }) await reader.SendAsync(Get(advisory.Path, other));
        foreach (var path in new[] { advisory.Path, "/ar/feed.rss" })
        {
            var response = await reader.SendAsync(Get(path, acceptEncoding));

            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains(advisory.Title, await DecodedAsync(response));
            Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        }
    }

    [Fact]
    public async Task Each_coding_has_its_own_ETag()
    {
        var advisory = await PublishAsync();
        var reader = site.Client();
        var tags = new List<EntityTagHeaderValue>();
        foreach (var coding in new[] { "br", "gzip", null }) tags.Add((await reader.SendAsync(Get(advisory.Path, coding))).Headers.ETag!);
        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task The_back_office_is_never_compressed_or_stored()
    {
        var advisory = await PublishAsync();
        foreach (var path in new[] { $"/admin/advisories/{advisory.Id}", "/admin/advisories" })
        {
            var response = await advisory.Editor.SendAsync(Get(path, "br, gzip"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync());
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
        var signIn = await site.Browser().SendAsync(Get("/admin/sign-in", "br, gzip"));
        Assert.Empty(signIn.Content.Headers.ContentEncoding);
        Assert.True(signIn.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Stylesheets_are_fingerprinted_and_immutable()
    {
        var reader = site.Client();
        var page = Html.Parse(await reader.GetStringAsync("/ar/"));
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/css/site.css", StringComparison.Ordinal));
        Assert.Matches(@"^/css/site\.css\?v=[A-Za-z0-9_-]{20,}$", href);

        var versioned = await reader.SendAsync(Get(href, "br"));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), versioned.Headers.CacheControl!.MaxAge);
        Assert.Contains(versioned.Headers.CacheControl.Extensions, e => e.Name == "immutable");
        Assert.Equal("br", versioned.Content.Headers.ContentEncoding.Single());

        // Without (or with a stale) fingerprint the file may change under the same URL: a short lifetime only.
        foreach (var path in new[] { "/css/site.css", "/css/site.css?v=old" })
        {
            var plain = await reader.GetAsync(path);
            Assert.DoesNotContain(plain.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
            Assert.True(plain.Headers.CacheControl.MaxAge <= TimeSpan.FromHours(1));
        }
    }
}

/// <summary>Every kind of public response, on the site with its sample content (screenshots included).</summary>
public class PublicResponseHeaderTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    public static TheoryData<string> PublicRoutes() =>
    [
        "/ar/", "/uk/", "/en/", "/ar/advisories", "/en/advisories?verdict=scam&page=1",
        "/ar/feed.rss", "/uk/feed.atom", "/en/feed.json", "/ar/search?q=" + Uri.EscapeDataString("واتساب"),
        "/ar/check?q=" + Uri.EscapeDataString("+966 50 000 0000"), "/ar/corrections", "/en/methodology",
        "/sitemap.xml", "/robots.txt", "/indicators.csv", "/verdicts.css", "/css/site.css",
        "advisory", "media",
    ];

    /// <summary>The first advisory on the Arabic home, and the first screenshot on an advisory page that has one.</summary>
    private async Task<string> ResolveAsync(HttpClient reader, string route)
    {
        if (route is not ("advisory" or "media")) return route;
        var home = Html.Parse(await reader.GetStringAsync("/ar/advisories"));
        var advisories = home.QuerySelectorAll("main a[href^='/ar/advisories/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(advisories);
        if (route == "advisory") return advisories[0];
        foreach (var advisory in advisories)
        {
            var image = Html.Parse(await reader.GetStringAsync(advisory)).QuerySelector("img[src^='/media/']");
            if (image is not null) return image.GetAttribute("src")!;
        }
        Assert.Fail("no advisory shows a screenshot (is libvips installed?)");
        return "";
    }

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task Public_responses_set_no_cookie_and_may_be_cached_by_a_CDN_first_render_and_cached(string route)
    {
        var reader = site.Client();
        var path = await ResolveAsync(reader, route);
        foreach (var attempt in new[] { "rendered", "cached" })
        {
            var response = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept-Encoding", "br, gzip" } } });

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} ({attempt}) answered {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} ({attempt}) set a cookie");
            Assert.True(response.Headers.CacheControl!.Public, $"{path} ({attempt}) is not public");
            Assert.False(response.Headers.CacheControl.Private);
            Assert.False(response.Headers.CacheControl.NoStore);
            if (route != "media") Assert.NotNull(response.Headers.ETag);
        }
    }

    [Fact]
    public async Task The_root_redirect_varies_by_language_and_sets_no_cookie()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept-Language", "uk-UA,uk;q=0.9" } } };
        var response = await site.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/uk/", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(["Accept-Language"], response.Headers.Vary);
    }
}
