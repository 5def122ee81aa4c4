using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The one way an <see cref="AdvisoryContent"/> reaches the database, for the back-office
/// (<see cref="AdvisoryWorkflow"/>) and the importer (<see cref="ContentImporter"/>) alike: the checks
/// that need the database, then every field copied onto the entity, related rows found or created.
/// The caller owns the transaction and tells <see cref="PublishingEvents"/>.
/// </summary>
public sealed class AdvisoryWriter(AppDbContext db)
{
    /// <summary>A translation group the editor starts with another advisory that has none yet.</summary>
    public const string NewGroupPrefix = "advisory:";

    /// <summary>What is wrong with <paramref name="content"/> in the light of the database: unknown rating or platform, a slug taken, a translation group that already has this language.</summary>
    public async Task<List<ContentProblem>> CheckAsync(Guid? id, AdvisoryContent content, bool slugTyped, ContentOrigin origin)
    {
        var problems = new List<ContentProblem>();
        if (slugTyped && SlugRules.Problem(content.Slug) is null &&
            await db.Advisories.AnyAsync(a => a.Language == content.Language && a.Slug == content.Slug && a.Id != id))
            problems.Add(new(nameof(content.Slug), "Admin.Editor.Error.SlugTaken", content.Slug));
        if (content.Rating is { } rating && !await db.Ratings.AnyAsync(r => r.Key == rating))
            problems.Add(new(nameof(content.Rating), "Admin.Editor.Error.UnknownRating", rating));
        var platforms = content.Platforms;
        if (platforms.Count > 0 && await db.Platforms.CountAsync(p => platforms.Contains(p.Key)) != platforms.Count)
            problems.Add(new(nameof(content.Platforms), "Admin.Editor.Error.Choice"));
        if (content.TranslationKey is { } group)
        {
            var members = await GroupLanguagesAsync(group, id);
            if (members is null ? origin == ContentOrigin.Editor : members.Contains(content.Language))
                problems.Add(new(nameof(content.TranslationKey), members is null ? "Admin.Editor.Error.Choice" : "Admin.Editor.Error.TranslationLanguage"));
        }
        return problems;
    }

    /// <summary>
    /// Copies every field of <paramref name="content"/> onto <paramref name="advisory"/> (loaded as
    /// <see cref="AdvisoryWorkflow.LoadAsync"/> does, or new). Screenshots must already be attached: their
    /// texts and order follow the content, matched by image. Dates of publication are the caller's.
    /// </summary>
    public async Task WriteAsync(Advisory advisory, AdvisoryContent content)
    {
        advisory.Kind = content.Kind;
        advisory.Language = content.Language;
        advisory.Title = content.Title;
        advisory.Summary = content.Summary;
        advisory.Body = content.Body;
        advisory.Slug = await FreeSlugAsync(content.Slug, content.Language, advisory.Id);
        advisory.ClaimText = content.ClaimText;
        advisory.Claimant = content.Claimant;
        advisory.ClaimantKind = content.ClaimantKind;
        advisory.ClaimFirstSeen = content.ClaimFirstSeen;
        advisory.ClaimAppearances = [.. content.ClaimAppearances];
        // Set the navigation, not only the key: the advisory may have been loaded with its rating, and EF's
        // fix-up would null a changed key to match a stale navigation (a second save lost the verdict that way).
        advisory.Rating = content.Rating is { } key ? await db.Ratings.SingleAsync(r => r.Key == key) : null;
        advisory.RatingId = advisory.Rating?.Id;
        advisory.Severity = content.Severity;
        advisory.Steps = [.. content.Steps];
        advisory.Platforms = await db.Platforms.Where(p => content.Platforms.Contains(p.Key)).ToListAsync();
        advisory.Tags = await NamedAsync(db.Tags, content.Tags, name => new Tag { Name = name }, t => t.Name);
        advisory.Authors = await NamedAsync(db.Authors, content.Authors, name => new Author { Name = name }, a => a.Name);

        // Rows whose values did not change keep their ids (and so their order and the check page's links).
        var keptIndicators = new List<Indicator>();
        foreach (var entry in content.Indicators)
        {
            var normalized = IndicatorNormalizer.Normalize(entry.Type, entry.Raw, entry.Country).Value!;
            var same = advisory.Indicators.FirstOrDefault(i => !keptIndicators.Contains(i) && i.Type == entry.Type && i.Raw == entry.Raw &&
                i.Country == entry.Country && i.FirstSeen == entry.FirstSeen && i.LastSeen == entry.LastSeen && i.Normalized == normalized);
            keptIndicators.Add(same ?? new Indicator
            {
                Type = entry.Type, Raw = entry.Raw, Country = entry.Country, Normalized = normalized,
                FirstSeen = entry.FirstSeen, LastSeen = entry.LastSeen,
            });
        }
        // A row after a new one would sort before it by id: keep the typed order by renewing what follows a new row.
        var firstNew = keptIndicators.FindIndex(i => i.Id == 0);
        if (firstNew >= 0 && keptIndicators.Skip(firstNew).Any(i => i.Id != 0))
            keptIndicators = keptIndicators.Select((i, n) => n < firstNew ? i : new Indicator
            {
                Type = i.Type, Raw = i.Raw, Country = i.Country, Normalized = i.Normalized, FirstSeen = i.FirstSeen, LastSeen = i.LastSeen,
            }).ToList();
        Replace(advisory.Indicators, keptIndicators);

        var sources = content.Sources.Select((s, n) =>
            advisory.Sources.FirstOrDefault(old => old.Position == n + 1 && old.Title == s.Title && old.Url == s.Url && old.Publisher == s.Publisher &&
                                                   old.AccessedOn == s.AccessedOn && old.ArchiveUrl == s.ArchiveUrl)
            ?? new Source { Position = n + 1, Title = s.Title, Url = s.Url, Publisher = s.Publisher, AccessedOn = s.AccessedOn, ArchiveUrl = s.ArchiveUrl })
            .ToList();
        Replace(advisory.Sources, sources);

        var unplaced = advisory.Screenshots.ToList();
        foreach (var (entry, position) in content.Screenshots.Select((s, i) => (s, i)))
        {
            if (unplaced.FirstOrDefault(s => (s.Fallback?.FileName ?? "") == entry.Image) is not { } shot) continue;
            unplaced.Remove(shot);
            (shot.Position, shot.AltText, shot.Caption) = (position, entry.AltText, entry.Caption);
        }
        foreach (var (shot, n) in unplaced.Select((s, n) => (s, n))) shot.Position = content.Screenshots.Count + n;

        var corrections = content.Corrections.Select(c =>
            advisory.Corrections.FirstOrDefault(old => old.Kind == c.Kind && old.Note == c.Note && old.PublishedAt == c.PublishedAt)
            ?? new Correction { Kind = c.Kind, Note = c.Note, PublishedAt = c.PublishedAt }).ToList();
        Replace(advisory.Corrections, corrections);

        advisory.TranslationKey = await JoinGroupAsync(content.TranslationKey);
        advisory.Status = content.Status;
        advisory.ScheduledFor = content.ScheduledFor;
        advisory.WithdrawalReason = content.WithdrawalReason;
    }

    /// <summary>Replaces a collection's items, leaving rows that stay untouched (so EF updates nothing for them).</summary>
    private static void Replace<T>(List<T> rows, List<T> wanted) where T : class
    {
        rows.RemoveAll(r => !wanted.Contains(r));
        foreach (var row in wanted.Where(w => !rows.Contains(w))) rows.Add(row);
    }

    /// <summary>The languages already in a translation group (other than <paramref name="id"/>), or null when there is no such group.</summary>
    private async Task<List<string>?> GroupLanguagesAsync(string group, Guid? id)
    {
        if (group.StartsWith(NewGroupPrefix, StringComparison.Ordinal))
        {
            if (!Guid.TryParseExact(group[NewGroupPrefix.Length..], "N", out var otherId)) return null;
            var other = await db.Advisories.Where(a => a.Id == otherId && a.Id != id).Select(a => new { a.Language, a.TranslationKey }).FirstOrDefaultAsync();
            if (other is null) return null;
            return other.TranslationKey is null ? [other.Language] : await GroupLanguagesAsync(other.TranslationKey, id);
        }
        var languages = await db.Advisories.Where(a => a.TranslationKey == group && a.Id != id).Select(a => a.Language).ToListAsync();
        // A group of one (this advisory alone) is still its own group.
        return languages.Count > 0 || (id is not null && await db.Advisories.AnyAsync(a => a.Id == id && a.TranslationKey == group)) ? languages : null;
    }

    /// <summary>The translation key to store: an existing group's, or a new one shared with the chosen advisory.</summary>
    private async Task<string?> JoinGroupAsync(string? group)
    {
        if (group is null || !group.StartsWith(NewGroupPrefix, StringComparison.Ordinal)) return group;
        var otherId = Guid.ParseExact(group[NewGroupPrefix.Length..], "N");
        var other = await db.Advisories.SingleAsync(a => a.Id == otherId);
        if (other.TranslationKey is null)
        {
            other.TranslationKey = other.Id.ToString("N");
            other.Version++;
        }
        return other.TranslationKey;
    }

    private async Task<string> FreeSlugAsync(string slug, string language, Guid id)
    {
        var candidate = slug;
        for (var n = 2; await db.Advisories.AnyAsync(a => a.Language == language && a.Slug == candidate && a.Id != id); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, SlugRules.MaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }
        return candidate;
    }

    private static async Task<List<T>> NamedAsync<T>(DbSet<T> set, List<string> names, Func<string, T> create, Func<T, string> nameOf) where T : class
    {
        if (names.Count == 0) return [];
        var existing = await set.Where(e => names.Contains(EF.Property<string>(e, "Name"))).ToListAsync();
        // Created earlier in this unit of work (another file of the same import, not yet saved).
        existing.AddRange(set.Local.Where(e => names.Contains(nameOf(e)) && !existing.Contains(e)));
        foreach (var name in names.Where(n => !existing.Any(e => nameOf(e) == n)))
        {
            var created = create(name);
            set.Add(created);
            existing.Add(created);
        }
        return names.Select(n => existing.First(e => nameOf(e) == n)).ToList();
    }
}
