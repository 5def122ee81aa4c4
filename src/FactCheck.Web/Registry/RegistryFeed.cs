using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// Advisories' indicators feed the registry: every indicator of a published advisory has an entry, and an
/// entry with no status yet gets one from the advisory's verdict (scam-like verdicts and alerts: malicious;
/// unproven: disputed), from the day the indicator was first seen. What editors recorded is never
/// overwritten: an entry that has a history keeps it, and only gains the link to the advisory (which the
/// check finds through the indicator itself).
/// </summary>
public sealed class RegistryFeed(AppDbContext db, RegistryRevisions revisions, TimeProvider clock)
{
    /// <summary>Inside the advisory's transaction (<see cref="PublishingEvents.AdvisoryChangedAsync"/>), after its SaveChanges.</summary>
    public async Task AdvisoryChangedAsync(Guid advisoryId, CancellationToken cancellationToken = default)
    {
        var advisory = await db.Advisories.AsNoTracking().Where(a => a.Id == advisoryId && a.Status == AdvisoryStatus.Published)
            .Select(a => new Source(a.Id, a.Language, a.Slug, a.Title, a.Kind, a.Rating == null ? null : a.Rating.Value, a.PublishedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
        if (advisory is null) return;
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.AdvisoryId == advisoryId)
            .Select(i => new Mention(i.Type, i.Normalized, i.FirstSeen, i.AdvisoryId)).ToListAsync(cancellationToken);
        await FeedAsync(indicators, new Dictionary<Guid, Source> { [advisory.Id] = advisory }, cancellationToken);
    }

    /// <summary>
    /// At start: the indicators of published advisories that have no entry yet (imported content, and anything
    /// published before the registry existed). Returns how many entries it made.
    /// </summary>
    public async Task<int> AddMissingAsync(CancellationToken cancellationToken = default)
    {
        // Each missing indicator with its advisory, in one query: the advisories come from the join, not from a
        // list of their ids (a large archive has more ids than SQLite takes parameters).
        var rows = await db.Indicators
            .Where(i => i.Advisory!.Status == AdvisoryStatus.Published)
            .Where(i => !db.RegistryEntries.Any(e => e.Type == i.Type && e.Value == i.Normalized))
            .Select(i => new
            {
                Mention = new Mention(i.Type, i.Normalized, i.FirstSeen, i.AdvisoryId),
                Source = new Source(i.Advisory!.Id, i.Advisory.Language, i.Advisory.Slug, i.Advisory.Title, i.Advisory.Kind,
                    i.Advisory.Rating == null ? null : i.Advisory.Rating.Value, i.Advisory.PublishedAt!.Value),
            })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0) return 0;
        var missing = rows.Select(r => r.Mention).ToList();
        var sources = rows.Select(r => r.Source).DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await FeedAsync(missing, sources, cancellationToken, forgetEach: true);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private sealed record Source(Guid Id, string Language, string Slug, string Title, AdvisoryKind Kind, int? RatingValue, DateTime PublishedAt);

    private sealed record Mention(IndicatorType Type, string Value, DateOnly? FirstSeen, Guid AdvisoryId);

    /// <param name="forgetEach">
    /// Stop tracking each entry once saved: at start there may be tens of thousands, and every SaveChanges
    /// compares all tracked ones (a 10,000-advisory archive took minutes before the server answered).
    /// Not inside an advisory's own transaction, whose entities the caller still tracks.
    /// </param>
    private async Task<int> FeedAsync(List<Mention> mentions, Dictionary<Guid, Source> sources, CancellationToken cancellationToken, bool forgetEach = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        // Oldest first, so the first advisory to name an indicator gives its first status.
        foreach (var group in mentions.Where(m => sources.ContainsKey(m.AdvisoryId))
                     .OrderBy(m => sources[m.AdvisoryId].PublishedAt).GroupBy(m => (m.Type, m.Value)))
        {
            var (type, value) = group.Key;
            var entry = await db.RegistryEntries.Include(e => e.History).FirstOrDefaultAsync(e => e.Type == type && e.Value == value, cancellationToken);
            var isNew = entry is null;
            if (entry is null)
            {
                entry = new RegistryEntry
                {
                    Type = type, Value = value, PhoneKey = type == IndicatorType.Phone ? IndicatorNormalizer.PhoneLookupKey(value) : null,
                    CreatedAt = now, UpdatedAt = now, Version = 1,
                };
                db.RegistryEntries.Add(entry);
                added++;
            }
            var first = group.First();
            var source = sources[first.AdvisoryId];
            if (entry.History.Count == 0 && StatusFrom(source) is { } status)
            {
                entry.History.Add(new StatusRecord
                {
                    Status = status, Since = group.Min(m => m.FirstSeen) ?? DateOnly.FromDateTime(source.PublishedAt),
                    SourceTitle = source.Title, AdvisoryId = source.Id, RecordedAt = now, RecordedBy = "advisory",
                });
                if (!isNew) entry.Version++;
                entry.UpdatedAt = now;
            }
            else if (!isNew) continue;
            await db.SaveChangesAsync(cancellationToken);
            await revisions.AddAsync(entry, new Actor(null, "advisory"), $"from advisory {source.Language}/{source.Slug}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (forgetEach) db.ChangeTracker.Clear();
        }
        return added;
    }

    /// <summary>What an advisory says about the indicators it lists, by its verdict's number on the scale (1 worst … 5 genuine).</summary>
    private static ChannelStatus? StatusFrom(Source advisory) => advisory.RatingValue switch
    {
        <= 2 => ChannelStatus.Malicious,
        3 => ChannelStatus.Disputed,
        null when advisory.Kind == AdvisoryKind.Alert => ChannelStatus.Malicious,
        _ => null,
    };
}
