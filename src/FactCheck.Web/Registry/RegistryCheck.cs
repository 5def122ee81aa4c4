using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The registry side of the check: for each indicator read from what the reader pasted, the entry (found
/// by its canonical value through the unique (Type, Value) index; phone numbers through their last digits,
/// <see cref="RegistryEntry.PhoneKey"/>, and <see cref="IndicatorNormalizer.PhoneMatches"/>), its history,
/// look-alikes of official channels (<see cref="OfficialChannels"/>), and the published advisories that list
/// it (their indicators feed the registry, <see cref="RegistryFeed"/>). Reads only; nothing is stored.
/// </summary>
public sealed class RegistryCheck(AppDbContext db, OfficialChannels officials)
{
    public async Task<IReadOnlyList<ChannelAnswer>> AnswerAsync(IReadOnlyList<(IndicatorType Type, string Value)> candidates, DateOnly day, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0) return [];
        var entries = await FindEntriesAsync(candidates, cancellationToken);
        var advisories = await AdvisoriesAsync(entries.Values.SelectMany(e => e).Distinct().ToList(), cancellationToken);
        var allowlist = await officials.OnAsync(db, day, cancellationToken);

        var answers = new List<ChannelAnswer>();
        foreach (var (type, value) in candidates)
        {
            // A phone written nationally may be several stored numbers; each is its own answer.
            var found = entries.GetValueOrDefault((type, value)) ?? [];
            if (found.Count == 0)
                answers.Add(new ChannelAnswer(type, value, null, null, [], allowlist.Imitated(type, value), [], []));
            foreach (var entry in found)
                answers.Add(Answer(entry, day, allowlist, advisories));
        }
        // The same stored entry reached twice (a number typed in two forms) is answered once; a link typed
        // without a scheme is looked up as https and http, but shown once unless the http one is known.
        var https = answers.Where(a => a.Type == IndicatorType.Url).Select(a => a.Value).ToHashSet();
        return answers
            .Where(a => !(a.Type == IndicatorType.Url && a.EntryId is null && a.Value.StartsWith("http://", StringComparison.Ordinal)
                          && https.Contains("https://" + a.Value["http://".Length..])))
            .DistinctBy(a => a.EntryId is { } id ? $"entry:{id}" : $"{a.Type}:{a.Value}").ToList();
    }

    private static ChannelAnswer Answer(RegistryEntry entry, DateOnly day, Allowlist allowlist,
        Dictionary<(IndicatorType, string), List<AdvisoryLink>> advisories)
    {
        var mentioned = advisories.GetValueOrDefault((entry.Type, entry.Value)) ?? [];
        var history = entry.Timeline.Where(s => s.Since <= day)
            .Select(s => new StatusPeriod(s.Status, s.Since, entry.EndOf(s) is { } end && end <= day ? end : null, s.Organisation?.Name, s.Channel,
                s.Note, s.SourceTitle, s.SourceUrl, s.AdvisoryId is { } id ? mentioned.FirstOrDefault(a => a.Id == id) : null))
            .ToList();
        var current = history.LastOrDefault();
        var looksLike = current?.Status == ChannelStatus.Official ? [] : allowlist.Imitated(entry.Type, entry.Value);
        // A channel that belonged to an organisation and is not official now: where that organisation is now.
        var owner = entry.Timeline.LastOrDefault(s => s.Since <= day && s.OrganisationId is not null)?.OrganisationId;
        IReadOnlyList<OfficialChannel> replacements = owner is not null && current?.Status != ChannelStatus.Official
            ? allowlist.Channels.Where(o => o.EntryId != entry.Id && o.OrganisationId == owner).OrderBy(o => o.Type == entry.Type ? 0 : 1).ToList()
            : [];
        return new ChannelAnswer(entry.Type, entry.Value, entry.Id, current, history, looksLike, replacements, mentioned);
    }

    /// <summary>The registry entries each candidate names, with their history.</summary>
    private async Task<Dictionary<(IndicatorType, string), List<RegistryEntry>>> FindEntriesAsync(
        IReadOnlyList<(IndicatorType Type, string Value)> candidates, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(IndicatorType, string), List<RegistryEntry>>();
        var loaded = new List<RegistryEntry>();
        // One query for every exact candidate: "Type IN (…) AND Value IN (…)" walks the unique (Type, Value) index for
        // each pair; the few rows that pair a type with another type's value are dropped below.
        var exact = candidates.Where(c => c.Type != IndicatorType.Phone).ToHashSet();
        if (exact.Count > 0)
        {
            var types = exact.Select(c => c.Type).Distinct().ToList();
            var values = exact.Select(c => c.Value).Distinct().ToList();
            foreach (var entry in await db.RegistryEntries.AsNoTracking().Where(e => types.Contains(e.Type) && values.Contains(e.Value)).ToListAsync(cancellationToken))
            {
                if (!exact.Contains((entry.Type, entry.Value))) continue;
                found[(entry.Type, entry.Value)] = [entry];
                loaded.Add(entry);
            }
        }

        var phones = candidates.Where(c => c.Type == IndicatorType.Phone).Select(c => c.Value).Distinct().ToList();
        var keys = phones.Select(IndicatorNormalizer.PhoneLookupKey).Where(k => k.Length > 0).Distinct().ToList();
        if (keys.Count > 0)
        {
            var stored = await db.RegistryEntries.AsNoTracking().Where(e => e.PhoneKey != null && keys.Contains(e.PhoneKey) && e.Type == IndicatorType.Phone)
                .ToListAsync(cancellationToken);
            foreach (var phone in phones)
            {
                var matches = stored.Where(e => IndicatorNormalizer.PhoneMatches(e.Value, phone)).ToList();
                if (matches.Count > 0) found[(IndicatorType.Phone, phone)] = matches;
            }
            loaded.AddRange(stored);
        }

        // Histories by entry id, in a query of their own: joined to the entries above, SQLite would materialize every status first.
        var ids = loaded.Select(e => e.Id).Distinct().ToList();
        if (ids.Count > 0)
        {
            var history = (await db.RegistryStatuses.AsNoTracking().Include(s => s.Organisation).Where(s => ids.Contains(s.EntryId)).ToListAsync(cancellationToken))
                .ToLookup(s => s.EntryId);
            foreach (var entry in loaded) entry.History = history[entry.Id].ToList();
        }
        return found;
    }

    /// <summary>Published advisories listing each entry's value (the (Type, Normalized) index of indicators), newest first.</summary>
    private async Task<Dictionary<(IndicatorType, string), List<AdvisoryLink>>> AdvisoriesAsync(List<RegistryEntry> entries, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(IndicatorType, string), List<AdvisoryLink>>();
        if (entries.Count == 0) return result;
        var wanted = entries.Select(e => (e.Type, e.Value)).ToHashSet();
        var types = wanted.Select(w => w.Type).Distinct().ToList();
        var values = wanted.Select(w => w.Value).Distinct().ToList();
        var rows = (await db.Indicators.Where(i => types.Contains(i.Type) && values.Contains(i.Normalized))
                .Select(i => new { i.Type, i.Normalized, i.AdvisoryId }).ToListAsync(cancellationToken))
            .Where(i => wanted.Contains((i.Type, i.Normalized))).Select(i => (i.Type, Value: i.Normalized, i.AdvisoryId)).ToList();
        var ids = rows.Select(r => r.AdvisoryId).Concat(entries.SelectMany(e => e.History).Where(s => s.AdvisoryId is not null).Select(s => s.AdvisoryId!.Value))
            .Distinct().ToList();
        var advisories = (await db.PublishedAdvisories.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Language, a.Slug, a.Kind, a.Rating, PublishedAt = a.PublishedAt!.Value })
                .ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => new AdvisoryLink(a.Id, a.Title, $"/{a.Language}/advisories/{Uri.EscapeDataString(a.Slug)}", a.Language, a.Kind, a.Rating, a.PublishedAt));
        foreach (var entry in entries)
        {
            var linked = rows.Where(r => r.Type == entry.Type && r.Value == entry.Value).Select(r => r.AdvisoryId)
                .Concat(entry.History.Where(s => s.AdvisoryId is not null).Select(s => s.AdvisoryId!.Value))
                .Distinct().Where(advisories.ContainsKey).Select(id => advisories[id])
                .OrderByDescending(a => a.PublishedAt).ToList();
            result[(entry.Type, entry.Value)] = linked;
        }
        return result;
    }
}
