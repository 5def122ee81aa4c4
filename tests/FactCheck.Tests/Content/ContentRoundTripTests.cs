using System.Net;
using FactCheck.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Content;

/// <summary>
/// Content files and the database say the same thing: the sample content imported, exported and imported
/// again is the same advisories, field for field (<see cref="AdvisoryContent"/>); and the back-office makes
/// the same advisory from the same content as the importer does, since both go through <see cref="AdvisoryWriter"/>.
/// </summary>
public sealed class ContentRoundTripTests : IClassFixture<SiteFactory>, IDisposable
{
    private readonly SiteFactory site;
    private readonly string exported = Path.Combine(Path.GetTempPath(), "factcheck-export", Guid.NewGuid().ToString("N"));

    public ContentRoundTripTests(SiteFactory site)
    {
        this.site = site;
        ExportAsync(site, exported).GetAwaiter().GetResult();
    }

    private static string SampleContent => Path.Combine(RepositoryRoot.Path, "content");

    [Fact]
    public async Task The_export_reads_as_exactly_what_is_stored_and_the_sample_files_as_what_they_say()
    {
        var stored = await StoredAsync(site);
        Assert.Equal(Directory.GetFiles(Path.Combine(SampleContent, "advisories"), "*.md").Length, stored.Count);
        var platforms = await PlatformKeysAsync(site);
        foreach (var (id, content) in stored)
        {
            // The exported file holds every field as stored (its screenshots under screenshots/).
            var (fromExport, facts) = Read(Path.Combine(exported, "advisories", $"{content.Slug}-{content.Language}.md"), platforms);
            Assert.Equal(id, facts.Id);
            var expected = content with { Screenshots = content.Screenshots.Select(s => s with { Image = "screenshots/" + s.Image }).ToList() };
            Assert.Equal(expected.ToJson(), fromExport.ToJson());
            foreach (var shot in fromExport.Screenshots) Assert.True(File.Exists(Path.Combine(exported, shot.Image)), shot.Image);

            // The sample file it came from says the same, but for the names of its pictures.
            var sample = Directory.GetFiles(Path.Combine(SampleContent, "advisories"), "*.md")
                .Select(path => Read(path, platforms)).Single(f => f.Facts.Id == id).Content;
            Assert.Equal(WithoutImages(content).ToJson(), WithoutImages(sample).ToJson());
        }
    }

    [Fact]
    public async Task Importing_the_sample_again_or_the_export_changes_nothing_stored()
    {
        var before = await StoredAsync(site);
        Assert.Empty((await ImportAsync(site, SampleContent)).Errors);
        Assert.Equal(Json(before), Json(await StoredAsync(site)));
        Assert.Empty((await ImportAsync(site, exported)).Errors);
        Assert.Equal(Json(before), Json(await StoredAsync(site)));
    }

    [Fact]
    public async Task The_export_imported_into_another_site_is_the_same_advisories_with_the_same_pictures()
    {
        using var other = new BackOfficeSite();
        var report = await ImportAsync(other, exported);
        Assert.Empty(report.Errors);
        var original = await StoredAsync(site);
        var copy = await StoredAsync(other);
        Assert.Equal(original.Keys.Order(), copy.Keys.Order());
        foreach (var (id, content) in original)
        {
            Assert.Equal(WithoutImages(content).ToJson(), WithoutImages(copy[id]).ToJson());
            // The pictures are encoded again from the exported renditions: the same images, by their perceptual hash.
            var hashes = await HashesAsync(site, id);
            var copied = await HashesAsync(other, id);
            Assert.Equal(hashes.Count, copied.Count);
            foreach (var (a, b) in hashes.Zip(copied)) Assert.True(long.PopCount(a ^ b) <= 4, $"{content.Slug}: hashes {a:x} and {b:x} differ");
        }
    }

    [Fact]
    public async Task The_back_office_stores_the_same_advisory_as_the_importer_from_the_same_content()
    {
        using var other = new BackOfficeSite();
        var (editor, _) = await other.SignedInAsync(EditorRoles.Editor);
        foreach (var (_, content) in await StoredAsync(site))
        {
            var form = await EditorSteps.NewFormAsync(editor, content.Language);
            FillFrom(form, AdvisoryForm.From(content, version: 0));
            var created = await form.SubmitAsync(editor, ("command", "save"));
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{content.Slug}: {(int)created.StatusCode} {await EditorSteps.Errors(created)}");
            var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0]);
            var published = await EditorSteps.PressAsync(editor, id, "publish");
            Assert.DoesNotContain("problem", published.Headers.Location!.OriginalString, StringComparison.Ordinal);

            var typed = (await StoredAsync(other))[id];
            // Translation groups, screenshots and corrections are made on their own pages; everything else is the form's.
            Assert.Equal(Editable(content).ToJson(), Editable(typed).ToJson());
        }

        static AdvisoryContent Editable(AdvisoryContent c) => c with { TranslationKey = null, Screenshots = [], Corrections = [] };
    }

    // ---- Helpers ------------------------------------------------------------------------------------

    private static AdvisoryContent WithoutImages(AdvisoryContent content) =>
        content with { Screenshots = content.Screenshots.Select(s => s with { Image = "" }).ToList() };

    private static string Json(Dictionary<Guid, AdvisoryContent> stored) =>
        string.Join('\n', stored.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value.ToJson()));

    private static (AdvisoryContent Content, FileFacts Facts) Read(string path, Dictionary<string, string> platformKeys)
    {
        var (file, error) = AdvisoryFile.Parse(path, File.ReadAllText(path));
        Assert.Null(error);
        var (content, facts, errors) = file!.Read(name => platformKeys[name.ToLowerInvariant()]);
        Assert.Empty(errors);
        return (content, facts);
    }

    /// <summary>Fills the editor's form with <paramref name="values"/>, row by row, as a person typing them would.</summary>
    private static void FillFrom(Form form, AdvisoryForm values)
    {
        foreach (var name in form.Fields.Select(f => f.Key).Where(k => k.StartsWith("Indicators[", StringComparison.Ordinal) ||
                     k.StartsWith("Sources[", StringComparison.Ordinal) || k == "Platforms").Distinct().ToList())
            form.Remove(name);
        foreach (var property in typeof(AdvisoryForm).GetProperties().Where(p => p.PropertyType == typeof(string) && p.Name != nameof(AdvisoryForm.TranslationOf)))
            if (property.GetValue(values) is string value) form.Set(property.Name, value);
        foreach (var platform in values.Platforms) form.Add("Platforms", platform);
        foreach (var (row, i) in values.Indicators.Select((r, i) => (r, i)))
            foreach (var property in typeof(AdvisoryForm.IndicatorRow).GetProperties().Where(p => p.PropertyType == typeof(string)))
                form.Set($"Indicators[{i}].{property.Name}", (string?)property.GetValue(row) ?? "");
        foreach (var (row, i) in values.Sources.Select((r, i) => (r, i)))
            foreach (var property in typeof(AdvisoryForm.SourceRow).GetProperties().Where(p => p.PropertyType == typeof(string)))
                form.Set($"Sources[{i}].{property.Name}", (string?)property.GetValue(row) ?? "");
    }

    private static async Task ExportAsync(SiteFactory site, string folder)
    {
        using var scope = site.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(folder);
    }

    private static async Task<ImportReport> ImportAsync(SiteFactory site, string folder)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder);
    }

    private static async Task<Dictionary<Guid, AdvisoryContent>> StoredAsync(SiteFactory site)
    {
        var stored = new Dictionary<Guid, AdvisoryContent>();
        await site.WithDatabaseAsync(async db =>
        {
            foreach (var advisory in await db.Advisories.AsNoTracking()
                         .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
                         .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
                         .Include(a => a.Screenshots).ThenInclude(s => s.Files).AsSplitQuery().ToListAsync())
                stored[advisory.Id] = AdvisoryContent.Of(advisory);
        });
        return stored;
    }

    private static async Task<List<long>> HashesAsync(SiteFactory site, Guid id)
    {
        var hashes = new List<long>();
        await site.WithDatabaseAsync(async db =>
            hashes = await db.Screenshots.Where(s => s.AdvisoryId == id).OrderBy(s => s.Position).Select(s => s.PerceptualHash).ToListAsync());
        return hashes;
    }

    private static async Task<Dictionary<string, string>> PlatformKeysAsync(SiteFactory site)
    {
        var keys = new Dictionary<string, string>();
        await site.WithDatabaseAsync(async db => keys = await db.Platforms.ToDictionaryAsync(p => p.Name.ToLowerInvariant(), p => p.Key));
        return keys;
    }

    public void Dispose()
    {
        try { Directory.Delete(exported, recursive: true); } catch (IOException) { }
    }
}
