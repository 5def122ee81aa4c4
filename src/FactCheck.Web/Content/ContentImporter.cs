using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Imports content/advisories/*.md into the database. Each file is one transaction: a bad file is
/// reported with its name and line and leaves nothing behind, and the other files still import.
/// Advisories are matched by their front-matter id, so importing twice changes nothing. A file is read
/// into <see cref="AdvisoryContent"/>, checked by the same rules as the editor's form and stored by the
/// same <see cref="AdvisoryWriter"/>.
/// </summary>
public sealed class ContentImporter(
    AppDbContext db, AdvisoryWriter writer, PublishingEvents events, MediaLibrary media, PublicContent publicContent,
    IStringLocalizer<SharedResource> text, IOptions<SiteOptions> site, TimeProvider clock, ILogger<ContentImporter> logger)
{
    /// <summary>Imports <paramref name="folder"/> (an exported site, say), or Site:ContentPath.</summary>
    public async Task<ImportReport> ImportAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var contentPath = folder ?? site.Value.ContentPath;
        var advisories = Path.Combine(contentPath, "advisories");
        var errors = new List<ContentError>();
        var imported = 0;
        if (!Directory.Exists(advisories))
            return new(0, [new(advisories, 0, "the content folder does not exist")]);

        var reportBase = Path.GetDirectoryName(Path.GetFullPath(contentPath).TrimEnd(Path.DirectorySeparatorChar)) ?? contentPath;
        foreach (var path in Directory.EnumerateFiles(advisories, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(reportBase, path);
            List<ContentError> fileErrors;
            // One file that trips something unforeseen is reported like a malformed one; the run goes on.
            try { fileErrors = await ImportFileAsync(name, path, contentPath, cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException) { fileErrors = [new(name, 0, $"could not be imported: {e.Message}")]; }
            db.ChangeTracker.Clear();
            if (fileErrors.Count == 0) imported++;
            foreach (var error in fileErrors)
            {
                logger.LogWarning("Content import: {Error}", error.ToString());
                errors.Add(error);
            }
        }
        logger.LogInformation("Content import: {Imported} advisories imported, {Errors} problems", imported, errors.Count);
        // Each file was committed on its own; readers see all of them from the next request on. (The
        // "import" command runs in its own process: a running server sees the content version move.)
        if (imported > 0) await publicContent.ChangedAsync(cancellationToken: cancellationToken);
        return new(imported, errors);
    }

    private async Task<List<ContentError>> ImportFileAsync(string name, string path, string folder, CancellationToken cancellationToken)
    {
        var (file, parseError) = AdvisoryFile.Parse(name, await File.ReadAllTextAsync(path, cancellationToken));
        if (parseError is not null) return [parseError];

        var platforms = await db.Platforms.AsNoTracking().ToListAsync(cancellationToken);
        var newPlatforms = new Dictionary<string, string>(StringComparer.Ordinal);
        string PlatformKey(string platformName)
        {
            var key = SlugRules.FromTitle(platformName);
            if (platforms.FirstOrDefault(p => string.Equals(p.Name, platformName, StringComparison.OrdinalIgnoreCase) || p.Key == key) is { } known)
                return known.Key;
            newPlatforms.TryAdd(key, platformName);
            return key;
        }
        var (content, facts, errors) = file!.Read(PlatformKey);
        var forReaders = content.Status is AdvisoryStatus.Published or AdvisoryStatus.Scheduled or AdvisoryStatus.Withdrawn;
        var problems = AdvisoryRules.Check(content, forReaders);
        problems.AddRange(await writer.CheckAsync(facts.Id, content, slugTyped: true, ContentOrigin.ContentFile));
        foreach (var shot in content.Screenshots)
            if (ContentPaths.Inside(folder, shot.Image) is null)
                errors.Add(file.Error("file", $"screenshot '{shot.Image}' is outside the content folder", shot.Image));
        errors.AddRange(problems.Select(p => file.Error(AdvisoryFile.KeyOf(p.Field), Message(p), Containing(content, p.Field))));
        if (errors.Count > 0) return errors;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (key, platformName) in newPlatforms) db.Platforms.Add(new Platform { Key = key, Name = platformName });
        await db.SaveChangesAsync(cancellationToken);
        var advisory = await db.Advisories
            .Include(a => a.Rating).Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == facts.Id, cancellationToken);
        if (advisory is null)
        {
            advisory = new Advisory { Id = facts.Id, CreatedAt = facts.Published ?? clock.GetUtcNow().UtcDateTime };
            db.Advisories.Add(advisory);
        }

        // The file's images are processed again (the same bytes give the same stored files) and replace the old ones.
        var screenshots = new List<Screenshot>();
        var entries = new List<AdvisoryContent.ScreenshotEntry>();
        foreach (var shot in content.Screenshots)
        {
            try
            {
                var bytes = await File.ReadAllBytesAsync(ContentPaths.Inside(folder, shot.Image)!, cancellationToken); // checked above
                var screenshot = await StoredAsync(bytes, shot, cancellationToken)
                    ?? await media.AddScreenshotAsync(bytes, shot.AltText, shot.Caption, cancellationToken: cancellationToken);
                screenshots.Add(screenshot);
                entries.Add(shot with { Image = screenshot.Fallback?.FileName ?? "" });
            }
            catch (MediaUnavailableException e)
            {
                // Without libvips the text still matters more than its pictures; importing again later adds them.
                logger.LogWarning("Content import: {File}: screenshot '{Screenshot}' skipped: {Reason}", name, shot.Image, e.Message);
            }
            catch (Exception e) when (e is MediaRejectedException or IOException)
            {
                return [file.Error("file", $"screenshot '{shot.Image}': {e.Message}", shot.Image)];
            }
        }
        advisory.Screenshots = screenshots;
        await writer.WriteAsync(advisory, content with { Screenshots = entries });
        advisory.PublishedAt = facts.Published;
        advisory.UpdatedAt = facts.Updated ?? content.Corrections.Select(c => (DateTime?)c.PublishedAt).Append(facts.Published).Max() ?? clock.GetUtcNow().UtcDateTime;
        advisory.WithdrawnAt = content.Status == AdvisoryStatus.Withdrawn ? advisory.UpdatedAt : null;

        await db.SaveChangesAsync(cancellationToken);
        await events.AdvisoryChangedAsync(advisory, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>
    /// A screenshot whose file is one of this site's own renditions (an exported site imported again):
    /// the stored renditions are used as they are, instead of encoding an encoded image once more.
    /// </summary>
    private async Task<Screenshot?> StoredAsync(byte[] bytes, AdvisoryContent.ScreenshotEntry entry, CancellationToken cancellationToken)
    {
        var name = MediaLibrary.NameOf(bytes, Path.GetExtension(entry.Image).ToLowerInvariant());
        var stored = await db.Screenshots.AsNoTracking().Include(s => s.Files)
            .FirstOrDefaultAsync(s => s.Files.Any(f => f.FileName == name), cancellationToken);
        if (stored is null || !stored.Files.All(f => media.Store.Exists(f.FileName))) return null;
        return new Screenshot
        {
            AltText = entry.AltText, Caption = entry.Caption, Width = stored.Width, Height = stored.Height,
            PerceptualHash = stored.PerceptualHash, Redactions = stored.Redactions,
            Files = stored.Files.Select(f => new ScreenshotFile { FileName = f.FileName, ContentType = f.ContentType, Width = f.Width, Height = f.Height, Length = f.Length }).ToList(),
        };
    }

    /// <summary>A rule's message in English (the language of the command line), naming the field's value where a list has several.</summary>
    private string Message(ContentProblem problem)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return $"'{AdvisoryFile.KeyOf(problem.Field)}': " + string.Format(CultureInfo.InvariantCulture, text[problem.Message],
                problem.Arguments.Select(a => a is string key && !text[key].ResourceNotFound ? text[key].Value : a).ToArray());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static string? Containing(AdvisoryContent content, string field)
    {
        var open = field.IndexOf('[');
        if (open < 0 || !int.TryParse(field.AsSpan(open + 1, field.IndexOf(']') - open - 1), out var i)) return null;
        return field[..open] switch
        {
            "Indicators" when i < content.Indicators.Count => content.Indicators[i].Raw,
            "Sources" when i < content.Sources.Count => content.Sources[i].Url,
            "Screenshots" when i < content.Screenshots.Count => content.Screenshots[i].Image,
            "Corrections" when i < content.Corrections.Count => content.Corrections[i].Note,
            _ => null,
        };
    }
}
