using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Content;

/// <summary>A site with its own content folder, so import tests can write good and bad files.</summary>
public sealed class ImportSiteFactory : SiteFactory
{
    public string ContentPath { get; } = Path.Combine(Path.GetTempPath(), "factcheck-content", Guid.NewGuid().ToString("N"));

    public ImportSiteFactory() => Directory.CreateDirectory(Path.Combine(ContentPath, "advisories"));

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Site:ContentPath", ContentPath),
        new("Site:ImportContentOnStart", "false"),
    ];

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(ContentPath, recursive: true); } catch (IOException) { }
    }
}

public class ContentImportTests : IDisposable
{
    private readonly ImportSiteFactory site = new();

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(site.ContentPath, "advisories", name), text);

    private static string Advisory(string id, string slug, string extra = "") => $"""
        ---
        id: {id}
        kind: fact-check
        language: ar
        slug: {slug}
        title: "عنوان"
        summary: "ملخص"
        published: 2025-03-14T09:30:00Z
        verdict: scam
        claim:
          text: "ادعاء"
        {extra}
        ---
        نص المقالة.
        """;

    private async Task<ImportReport> ImportAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync();
    }

    [Fact]
    public async Task A_malformed_file_is_reported_with_name_and_line_and_the_others_still_import()
    {
        Write("a-good.md", Advisory("11111111-1111-1111-1111-111111111111", "good-one"));
        Write("b-bad.md", Advisory("22222222-2222-2222-2222-222222222222", "bad-one", "indicators:\n  - type: fax\n    value: \"123\""));
        Write("c-good.md", Advisory("33333333-3333-3333-3333-333333333333", "good-two"));

        var report = await ImportAsync();

        Assert.Equal(2, report.Imported);
        var error = Assert.Single(report.Errors);
        Assert.Equal(Path.Combine(Path.GetFileName(site.ContentPath), "advisories", "b-bad.md"), error.File);
        Assert.Equal(13, error.Line);
        Assert.Contains("'fax'", error.Message, StringComparison.Ordinal);
        await site.WithDatabaseAsync(async db =>
        {
            Assert.Equal(["good-one", "good-two"], await db.Advisories.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync());
        });
    }

    [Fact]
    public async Task Every_problem_in_a_file_is_reported_and_nothing_of_it_is_stored()
    {
        Write("bad.md", """
            ---
            id: not-a-uuid
            kind: fact-check
            language: fr
            title: "T"
            summary: "S"
            published: yesterday
            verdict: maybe
            ---
            Body
            """);

        var report = await ImportAsync();

        Assert.Equal(0, report.Imported);
        // id, language, published and verdict on their own lines; the missing claim has no line of its own.
        Assert.Equal([1, 2, 4, 7, 8], report.Errors.Select(e => e.Line).Order().ToArray());
        await site.WithDatabaseAsync(async db => Assert.Equal(0, await db.Advisories.CountAsync()));
    }

    [Fact]
    public async Task Importing_twice_changes_nothing_and_edits_overwrite_by_id()
    {
        const string id = "44444444-4444-4444-4444-444444444444";
        Write("a.md", Advisory(id, "first-slug", "tags: [واتساب]\nindicators:\n  - type: phone\n    value: \"+44 7700 900123\""));
        await ImportAsync();
        await ImportAsync();
        Write("a.md", Advisory(id, "second-slug", "tags: [واتساب]\nindicators:\n  - type: phone\n    value: \"+44 7700 900123\""));
        await ImportAsync();

        await site.WithDatabaseAsync(async db =>
        {
            var advisory = await db.Advisories.Include(a => a.Indicators).Include(a => a.Tags).SingleAsync();
            Assert.Equal("second-slug", advisory.Slug);
            Assert.Single(advisory.Indicators);
            Assert.Single(advisory.Tags);
            Assert.Equal(1, await db.Tags.CountAsync());
        });
    }

    [Fact]
    public async Task A_slug_taken_by_another_advisory_is_refused()
    {
        Write("a.md", Advisory("55555555-5555-5555-5555-555555555555", "same"));
        Write("b.md", Advisory("66666666-6666-6666-6666-666666666666", "same"));

        var report = await ImportAsync();

        Assert.Equal(1, report.Imported);
        Assert.Contains("“same”", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_screenshot_file_is_reported_and_the_advisory_is_not_half_stored()
    {
        Write("a.md", Advisory("77777777-7777-7777-7777-777777777777", "with-shot", "screenshots:\n  - file: screenshots/none.png\n    alt: \"لقطة\""));

        var report = await ImportAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal(13, error.Line);
        Assert.Contains("none.png", error.Message, StringComparison.Ordinal);
        await site.WithDatabaseAsync(async db => Assert.Equal(0, await db.Advisories.CountAsync()));
    }

    public void Dispose() => site.Dispose();
}
