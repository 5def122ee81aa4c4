using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck;

public sealed record ImportReport(int Imported, IReadOnlyList<ContentError> Errors);

/// <summary>
/// Imports content/advisories/*.md into the database. Each file is one transaction: a bad file is
/// reported with its name and line and leaves nothing behind, and the other files still import.
/// Advisories are matched by their front-matter id, so importing twice changes nothing.
/// </summary>
public sealed class ContentImporter(
    AppDbContext db, MediaLibrary media, SearchIndex searchIndex, PublicContent publicContent, IOptions<SiteOptions> site, TimeProvider clock, ILogger<ContentImporter> logger)
{
    public async Task<ImportReport> ImportAsync(CancellationToken cancellationToken = default)
    {
        var contentPath = site.Value.ContentPath;
        var folder = Path.Combine(contentPath, "advisories");
        var errors = new List<ContentError>();
        var imported = 0;
        if (!Directory.Exists(folder))
            return new(0, [new(folder, 0, "the content folder does not exist")]);

        var reportBase = Path.GetDirectoryName(Path.GetFullPath(contentPath).TrimEnd(Path.DirectorySeparatorChar)) ?? contentPath;
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(reportBase, path);
            List<ContentError> fileErrors;
            // One file that trips something unforeseen is reported like a malformed one; the run goes on.
            try { fileErrors = await ImportFileAsync(name, path, cancellationToken); }
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
        // "import" command runs in its own process: a running server's cache expires within minutes.)
        if (imported > 0) await publicContent.ChangedAsync(cancellationToken);
        return new(imported, errors);
    }

    private async Task<List<ContentError>> ImportFileAsync(string name, string path, CancellationToken cancellationToken)
    {
        var (file, parseError) = AdvisoryFile.Parse(name, await File.ReadAllTextAsync(path, cancellationToken));
        if (parseError is not null) return [parseError];

        var errors = new List<ContentError>();
        var meta = file!.Meta;
        var ratings = await db.Ratings.ToDictionaryAsync(r => r.Key, cancellationToken);
        var values = Validate(file, ratings, errors);
        if (values is null || errors.Count > 0) return errors;

        if (await db.Advisories.AnyAsync(a => a.Language == values.Language && a.Slug == values.Slug && a.Id != values.Id, cancellationToken))
            return [file.Error("slug", $"another advisory in '{values.Language}' already uses the slug '{values.Slug}'")];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var advisory = await db.Advisories
            .Include(a => a.Platforms).Include(a => a.Tags).Include(a => a.Authors)
            .Include(a => a.Indicators).Include(a => a.Sources).Include(a => a.Corrections)
            .Include(a => a.Screenshots).ThenInclude(s => s.Files)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == values.Id, cancellationToken);
        if (advisory is null)
        {
            advisory = new Advisory { Id = values.Id, CreatedAt = values.Published ?? clock.GetUtcNow().UtcDateTime };
            db.Advisories.Add(advisory);
        }

        advisory.Kind = values.Kind;
        advisory.Language = values.Language;
        advisory.Slug = values.Slug;
        advisory.Title = meta.Title!.Trim();
        advisory.Summary = meta.Summary!.Trim();
        advisory.Body = file.Body;
        advisory.Status = values.Status;
        advisory.PublishedAt = values.Published;
        advisory.TranslationKey = Blank(meta.TranslationKey);
        advisory.RatingId = values.Rating?.Id;
        advisory.Severity = values.Severity;
        advisory.ClaimText = Blank(meta.Claim?.Text);
        advisory.Claimant = Blank(meta.Claim?.Claimant);
        advisory.ClaimFirstSeen = values.ClaimFirstSeen;
        advisory.ClaimAppearances = meta.Claim?.Appearances.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u.Trim()).ToList() ?? [];
        advisory.Steps = meta.Steps.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        advisory.WithdrawalReason = Blank(meta.WithdrawalReason);
        advisory.WithdrawnAt = values.Status == AdvisoryStatus.Withdrawn ? values.Updated : null;

        advisory.Platforms = await ResolvePlatformsAsync(meta.Platforms, cancellationToken);
        advisory.Tags = await ResolveAsync(db.Tags, meta.Tags, n => new Tag { Name = n }, t => t.Name, cancellationToken);
        advisory.Authors = await ResolveAsync(db.Authors, meta.Authors, n => new Author { Name = n }, a => a.Name, cancellationToken);
        advisory.Indicators = values.Indicators;
        advisory.Sources = values.Sources;
        advisory.Corrections = values.Corrections;
        advisory.UpdatedAt = values.Updated;

        var screenshots = new List<Screenshot>();
        foreach (var (shot, position) in meta.Screenshots.Select((s, i) => (s, i)))
        {
            var imagePath = ContentPaths.Inside(site.Value.ContentPath, shot.File!)!; // checked by Validate
            try
            {
                var screenshot = await media.AddScreenshotAsync(await File.ReadAllBytesAsync(imagePath, cancellationToken), shot.Alt!.Trim(), Blank(shot.Caption), cancellationToken: cancellationToken);
                screenshot.Position = position;
                screenshots.Add(screenshot);
            }
            catch (MediaUnavailableException e)
            {
                // Without libvips the text still matters more than its pictures; importing again later adds them.
                logger.LogWarning("Content import: {File}: screenshot '{Screenshot}' skipped: {Reason}", name, shot.File, e.Message);
            }
            catch (Exception e) when (e is MediaRejectedException or IOException)
            {
                return [file.Error("file", $"screenshot '{shot.File}': {e.Message}", shot.File)];
            }
        }
        advisory.Screenshots = screenshots;

        await db.SaveChangesAsync(cancellationToken);
        await searchIndex.UpdateAsync(db, advisory, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private sealed record Values(
        Guid Id, AdvisoryKind Kind, string Language, string Slug, AdvisoryStatus Status,
        DateTime? Published, DateTime Updated, Rating? Rating, Severity? Severity, DateOnly? ClaimFirstSeen,
        List<Indicator> Indicators, List<Source> Sources, List<Correction> Corrections);

    /// <summary>Checks every field and converts it; problems are added to <paramref name="errors"/> with their lines.</summary>
    private Values? Validate(AdvisoryFile file, Dictionary<string, Rating> ratings, List<ContentError> errors)
    {
        var meta = file.Meta;
        void Fail(string key, string message, string? containing = null) => errors.Add(file.Error(key, message, containing));

        if (!Guid.TryParse(meta.Id, out var id)) Fail("id", "'id' must be a UUID, e.g. 3d0c7e62-4b8a-4b8e-9a51-0f3e8b1c2a10");
        var kind = meta.Kind switch
        {
            "fact-check" => AdvisoryKind.FactCheck,
            "alert" => AdvisoryKind.Alert,
            "explainer" => AdvisoryKind.Explainer,
            _ => (AdvisoryKind?)null,
        };
        if (kind is null) Fail("kind", $"'kind' must be fact-check, alert or explainer, not '{meta.Kind}'");
        var language = SiteLanguage.Find(meta.Language);
        if (language is null) Fail("language", $"'language' must be one of {string.Join(", ", SiteLanguage.All.Select(l => l.Code))}, not '{meta.Language}'");
        if (string.IsNullOrWhiteSpace(meta.Title)) Fail("title", "'title' is required");
        else if (meta.Title.Length > 300) Fail("title", "'title' is longer than 300 characters");
        else if (SafeText.HasUnsafe(meta.Title, allowLineBreaks: false)) Fail("title", "'title' holds a control character or a Unicode noncharacter (such as U+FFFE)");
        if (string.IsNullOrWhiteSpace(meta.Summary)) Fail("summary", "'summary' is required");
        else if (meta.Summary.Length > 1000) Fail("summary", "'summary' is longer than 1000 characters");
        else if (SafeText.HasUnsafe(meta.Summary, allowLineBreaks: true)) Fail("summary", "'summary' holds a control character or a Unicode noncharacter (such as U+FFFE)");

        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? SlugRules.FromTitle(meta.Title ?? "") : meta.Slug.Trim();
        if (SlugRules.Problem(slug) is { } slugProblem) Fail("slug", $"slug '{slug}': {slugProblem}");

        var status = (meta.Status ?? "published") switch
        {
            "draft" => AdvisoryStatus.Draft,
            "in-review" => AdvisoryStatus.InReview,
            "scheduled" => AdvisoryStatus.Scheduled,
            "published" => AdvisoryStatus.Published,
            "withdrawn" => AdvisoryStatus.Withdrawn,
            _ => (AdvisoryStatus?)null,
        };
        if (status is null) Fail("status", $"'status' must be draft, in-review, scheduled, published or withdrawn, not '{meta.Status}'");

        var published = ParseTime(meta.Published, "published", Fail);
        if (string.IsNullOrWhiteSpace(meta.Published) && status is AdvisoryStatus.Published or AdvisoryStatus.Withdrawn or AdvisoryStatus.Scheduled)
            Fail("published", "'published' (a date and time such as 2025-03-14T09:30:00Z) is required for this status");

        Rating? rating = null;
        if (!string.IsNullOrWhiteSpace(meta.Verdict))
        {
            if (kind == AdvisoryKind.Explainer) Fail("verdict", "explainers carry no verdict");
            else if (!ratings.TryGetValue(meta.Verdict.Trim(), out rating))
                Fail("verdict", $"unknown verdict '{meta.Verdict}'; the rating scale has: {string.Join(", ", ratings.Keys)}");
        }
        else if (kind == AdvisoryKind.FactCheck) Fail("verdict", "a fact-check needs a 'verdict'");

        Severity? severity = null;
        if (!string.IsNullOrWhiteSpace(meta.Severity))
        {
            if (Enum.TryParse<Severity>(meta.Severity, ignoreCase: true, out var parsed) && char.IsLetter(meta.Severity[0])) severity = parsed;
            else Fail("severity", $"'severity' must be low, medium, high or critical, not '{meta.Severity}'");
        }
        if (kind == AdvisoryKind.FactCheck && string.IsNullOrWhiteSpace(meta.Claim?.Text))
            Fail("claim", "a fact-check needs 'claim: text:' — the claim being checked");
        var claimFirstSeen = ParseDate(meta.Claim?.FirstSeen, "claim.first_seen", Fail);
        foreach (var url in meta.Claim?.Appearances ?? [])
            if (!IsWebUrl(url)) Fail("appearances", $"claim appearance '{url}' is not an http(s) URL", url);

        var indicators = new List<Indicator>();
        foreach (var item in meta.Indicators)
        {
            var value = item.Value ?? "";
            if (!Enum.TryParse<IndicatorType>(item.Type, ignoreCase: true, out var type) || !char.IsLetter(item.Type![0]))
            {
                Fail("type", $"indicator type must be phone, url, domain, email, handle or wallet, not '{item.Type}'", item.Type);
                continue;
            }
            var normalized = IndicatorNormalizer.Normalize(type, value, item.Country);
            if (!normalized.IsValid)
            {
                Fail("value", $"indicator '{value}': {normalized.Error}", value);
                continue;
            }
            indicators.Add(new Indicator
            {
                Type = type,
                Raw = value.Trim(),
                Normalized = normalized.Value!,
                Country = Blank(item.Country)?.ToUpperInvariant(),
                FirstSeen = ParseDate(item.FirstSeen, "first_seen", Fail),
                LastSeen = ParseDate(item.LastSeen, "last_seen", Fail),
            });
        }

        var sources = new List<Source>();
        foreach (var (source, position) in meta.Sources.Select((s, i) => (s, i)))
        {
            if (string.IsNullOrWhiteSpace(source.Title) || !IsWebUrl(source.Url))
            {
                Fail("url", "every source needs a 'title' and an http(s) 'url'", source.Url ?? source.Title);
                continue;
            }
            if (source.ArchiveUrl is not null && !IsWebUrl(source.ArchiveUrl))
                Fail("archive_url", $"archive_url '{source.ArchiveUrl}' is not an http(s) URL", source.ArchiveUrl);
            sources.Add(new Source
            {
                Position = position,
                Title = source.Title.Trim(),
                Url = source.Url!.Trim(),
                Publisher = Blank(source.Publisher),
                AccessedOn = ParseDate(source.Accessed, "accessed", Fail),
                ArchiveUrl = Blank(source.ArchiveUrl),
            });
        }

        foreach (var shot in meta.Screenshots)
        {
            if (string.IsNullOrWhiteSpace(shot.File)) Fail("screenshots", "every screenshot needs a 'file'");
            else if (string.IsNullOrWhiteSpace(shot.Alt)) Fail("file", $"screenshot '{shot.File}' needs 'alt' text", shot.File);
            else if (ContentPaths.Inside(site.Value.ContentPath, shot.File) is null)
                Fail("file", $"screenshot '{shot.File}' is outside the content folder", shot.File);
        }

        var corrections = new List<Correction>();
        foreach (var item in meta.Corrections)
        {
            var date = ParseTime(item.Date, "date", Fail);
            var correctionKind = item.Kind switch { null or "correction" => CorrectionKind.Correction, "update" => CorrectionKind.Update, _ => (CorrectionKind?)null };
            if (correctionKind is null) Fail("kind", $"a correction's kind must be correction or update, not '{item.Kind}'", item.Kind);
            if (string.IsNullOrWhiteSpace(item.Note)) Fail("corrections", "every correction needs a 'note'");
            if (date is not null && correctionKind is not null && !string.IsNullOrWhiteSpace(item.Note))
                corrections.Add(new Correction { Kind = correctionKind.Value, Note = item.Note.Trim(), PublishedAt = date.Value });
        }

        var updated = ParseTime(meta.Updated, "updated", Fail)
            ?? corrections.Select(c => (DateTime?)c.PublishedAt).Append(published).Max()
            ?? clock.GetUtcNow().UtcDateTime;

        if (errors.Count > 0) return null;
        return new Values(id, kind!.Value, language!.Code, slug, status!.Value, published, updated, rating, severity,
            claimFirstSeen, indicators, sources, corrections);
    }

    private async Task<List<Platform>> ResolvePlatformsAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var result = new List<Platform>();
        var all = await db.Platforms.ToListAsync(cancellationToken);
        foreach (var name in names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct())
        {
            var key = SlugRules.FromTitle(name);
            var platform = all.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) || p.Key == key);
            if (platform is null)
            {
                platform = new Platform { Key = key, Name = name };
                db.Platforms.Add(platform);
                all.Add(platform);
            }
            result.Add(platform);
        }
        return result;
    }

    private static async Task<List<T>> ResolveAsync<T>(DbSet<T> set, IEnumerable<string> names, Func<string, T> create, Func<T, string> nameOf, CancellationToken cancellationToken)
        where T : class
    {
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        var existing = (await set.ToListAsync(cancellationToken)).Where(e => wanted.Contains(nameOf(e))).ToList();
        foreach (var missing in wanted.Where(n => existing.All(e => nameOf(e) != n)))
        {
            var created = create(missing);
            set.Add(created);
            existing.Add(created);
        }
        return wanted.Select(n => existing.First(e => nameOf(e) == n)).ToList();
    }

    private static DateTime? ParseTime(string? value, string key, Action<string, string, string?> fail)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed.UtcDateTime;
        fail(key, $"'{key}' value '{value}' is not a date and time (use 2025-03-14T09:30:00Z)", value);
        return null;
    }

    private static DateOnly? ParseDate(string? value, string key, Action<string, string, string?> fail)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed;
        fail(key, $"'{key}' value '{value}' is not a date (use 2025-03-14)", value);
        return null;
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
