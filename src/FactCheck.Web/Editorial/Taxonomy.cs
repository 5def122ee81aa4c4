using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Platforms and tags: adding a platform, renaming (a platform in three languages, a tag), and merging one into
/// another. A tag's address is its name and a platform's its key, so a rename or merge leaves a
/// <see cref="TaxonomyRedirect"/> behind: public lists and feeds of the old one answer 301 with the new one.
/// Each change is one transaction with its audit entry and the search index of the advisories it touches; those
/// advisories' versions move, so an editor form opened before it gets the conflict page instead of bringing the
/// old name back. The change is not a revision of each advisory: the audit log records it.
/// </summary>
public sealed class Taxonomy(AppDbContext db, AuditLog audit, SearchIndex search, PublicContent publicContent, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxKeyLength = 60;
    public const int MaxEquivalents = 30;
    public const int MaxEquivalentLength = 60;

    /// <summary>A name: required, at most <see cref="MaxNameLength"/>, nothing <see cref="SafeText"/> refuses, no comma (the editor's tag field splits on them).</summary>
    public static bool IsName(string? value, bool required = true) =>
        value?.Trim() is not { Length: > 0 } trimmed ? !required : trimmed.Length <= MaxNameLength && !AdvisoryRules.HasControl(trimmed, multiline: false) && !trimmed.Any(c => c is ',' or '،');

    public async Task<Platform> AddPlatformAsync(string key, PlatformForm form)
    {
        var platform = new Platform { Key = key, Name = form.Name!.Trim(), NameAr = Blank(form.NameAr), NameUk = Blank(form.NameUk), Equivalents = form.EquivalentsText() };
        db.Platforms.Add(platform);
        // A key that was merged away before now means this platform again.
        await db.TaxonomyRedirects.Where(r => r.Kind == TaxonomyRedirect.PlatformKind && r.From == key).ExecuteDeleteAsync();
        audit.Add(AuditAction.PlatformCreated, "platform " + key, Describe(platform));
        await db.SaveChangesAsync();
        await publicContent.ChangedAsync();
        return platform;
    }

    /// <summary>New names in three languages and the names readers also write; the key (and so every address) stays.</summary>
    public async Task RenamePlatformAsync(Platform platform, PlatformForm form)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        platform.Name = form.Name!.Trim();
        platform.NameAr = Blank(form.NameAr);
        platform.NameUk = Blank(form.NameUk);
        platform.Equivalents = form.EquivalentsText();
        audit.Add(AuditAction.PlatformRenamed, "platform " + platform.Key, Describe(platform));
        await db.SaveChangesAsync();
        await ReindexAsync(db.Advisories.Where(a => a.Platforms.Any(p => p.Id == platform.Id)), bumpVersion: false);
        await transaction.CommitAsync();
        await publicContent.ChangedAsync();
    }

    /// <summary>Every advisory of <paramref name="from"/> gets <paramref name="into"/> instead; <paramref name="from"/> is deleted.</summary>
    public async Task MergePlatformAsync(Platform from, Platform into)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisories = await db.Advisories.Include(a => a.Platforms).Where(a => a.Platforms.Any(p => p.Id == from.Id)).ToListAsync();
        foreach (var advisory in advisories)
        {
            advisory.Platforms.Remove(advisory.Platforms.Single(p => p.Id == from.Id));
            if (advisory.Platforms.All(p => p.Id != into.Id)) advisory.Platforms.Add(into);
        }
        db.Platforms.Remove(from);
        await RedirectAsync(TaxonomyRedirect.PlatformKind, from.Key, into.Key);
        audit.Add(AuditAction.PlatformMerged, "platform " + from.Key, $"into {into.Key}: {advisories.Count} advisories");
        await db.SaveChangesAsync();
        await ReindexAsync(advisories, bumpVersion: true);
        await transaction.CommitAsync();
        await publicContent.ChangedAsync();
    }

    /// <summary>Renames a tag; false when another tag has that name already (merge into it instead).</summary>
    public async Task<bool> RenameTagAsync(Tag tag, string name)
    {
        var newName = name.Trim();
        if (newName == tag.Name) return true;
        if (await db.Tags.AnyAsync(t => t.Name == newName && t.Id != tag.Id)) return false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var oldName = tag.Name;
        tag.Name = newName;
        await RedirectAsync(TaxonomyRedirect.TagKind, oldName, newName);
        audit.Add(AuditAction.TagRenamed, "tag " + oldName, "to " + newName);
        await db.SaveChangesAsync();
        await ReindexAsync(db.Advisories.Where(a => a.Tags.Any(t => t.Id == tag.Id)), bumpVersion: true);
        await transaction.CommitAsync();
        await publicContent.ChangedAsync();
        return true;
    }

    public async Task MergeTagAsync(Tag from, Tag into)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var advisories = await db.Advisories.Include(a => a.Tags).Where(a => a.Tags.Any(t => t.Id == from.Id)).ToListAsync();
        foreach (var advisory in advisories)
        {
            advisory.Tags.Remove(advisory.Tags.Single(t => t.Id == from.Id));
            if (advisory.Tags.All(t => t.Id != into.Id)) advisory.Tags.Add(into);
        }
        db.Tags.Remove(from);
        await RedirectAsync(TaxonomyRedirect.TagKind, from.Name, into.Name);
        audit.Add(AuditAction.TagMerged, "tag " + from.Name, $"into {into.Name}: {advisories.Count} advisories");
        await db.SaveChangesAsync();
        await ReindexAsync(advisories, bumpVersion: true);
        await transaction.CommitAsync();
        await publicContent.ChangedAsync();
    }

    /// <summary>
    /// The new tag name or platform key an old one leads to, or null. A live tag or platform of that name wins: a
    /// redirect only answers for names that no longer exist.
    /// </summary>
    public static async Task<string?> MovedToAsync(AppDbContext db, string kind, string from)
    {
        var live = kind == TaxonomyRedirect.TagKind ? await db.Tags.AnyAsync(t => t.Name == from) : await db.Platforms.AnyAsync(p => p.Key == from);
        return live ? null : await db.TaxonomyRedirects.Where(r => r.Kind == kind && r.From == from).Select(r => r.To).FirstOrDefaultAsync();
    }

    /// <summary>Records from → to, and points the older names that led to <paramref name="from"/> at <paramref name="to"/> too (no chains).</summary>
    private async Task RedirectAsync(string kind, string from, string to)
    {
        var existing = await db.TaxonomyRedirects.Where(r => r.Kind == kind && (r.To == from || r.From == from || r.From == to)).ToListAsync();
        foreach (var redirect in existing)
        {
            if (redirect.From == to || redirect.From == from) db.TaxonomyRedirects.Remove(redirect); // "to" is live again; "from" is replaced below
            else redirect.To = to;
        }
        await db.SaveChangesAsync();
        db.TaxonomyRedirects.Add(new TaxonomyRedirect { Kind = kind, From = from, To = to, CreatedAt = clock.GetUtcNow().UtcDateTime });
    }

    private async Task ReindexAsync(IQueryable<Advisory> advisories, bool bumpVersion) => await ReindexAsync(await advisories.ToListAsync(), bumpVersion);

    private async Task ReindexAsync(IReadOnlyList<Advisory> advisories, bool bumpVersion)
    {
        if (bumpVersion)
        {
            foreach (var advisory in advisories) advisory.Version++;
            await db.SaveChangesAsync();
        }
        foreach (var advisory in advisories) await search.UpdateAsync(db, advisory);
        await db.SaveChangesAsync();
    }

    private static string Describe(Platform platform) =>
        $"{platform.Name} / {platform.NameAr} / {platform.NameUk}: {string.Join(", ", platform.EquivalentNames)}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
