using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>An organisation's channel as the check shows it: "the official channel is …".</summary>
public sealed record OfficialChannel(int EntryId, IndicatorType Type, string Value, string Organisation, int OrganisationId, string? Channel, DateOnly Since)
{
    public string Display => IndicatorNormalizer.Display(Type, Value);
}

/// <summary>
/// The allowlist: every entry whose status on a given day is <see cref="ChannelStatus.Official"/>, with the
/// skeletons <see cref="LookAlikes"/> compares. Official channels are few (hundreds), so the list is held in
/// memory for a minute per day asked, and dropped at once when an editor changes the registry here
/// (<see cref="Changed"/>); other instances see a change within the minute, like their output cache.
/// </summary>
public sealed class OfficialChannels(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private (DateOnly Day, DateTime LoadedAt, Allowlist Channels)? cached;

    public void Changed()
    {
        lock (gate) cached = null;
    }

    public async Task<Allowlist> OnAsync(AppDbContext db, DateOnly day, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (gate)
        {
            if (cached is { } hit && hit.Day == day && now - hit.LoadedAt < Lifetime) return hit.Channels;
        }
        // Entries that were ever official, with their whole history: which of them still are on that day. Three plain
        // queries through the Status and EntryId indexes (an Include would make SQLite materialize every status).
        var ids = await db.RegistryStatuses.Where(s => s.Status == ChannelStatus.Official).Select(s => s.EntryId).Distinct().ToListAsync(cancellationToken);
        var entries = await db.RegistryEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var history = (await db.RegistryStatuses.AsNoTracking().Include(s => s.Organisation).Where(s => ids.Contains(s.EntryId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.EntryId);
        foreach (var entry in entries) entry.History = history[entry.Id].ToList();
        var channels = new Allowlist(entries
            .Select(e => (Entry: e, Status: e.StatusOn(day)))
            .Where(x => x.Status is { Status: ChannelStatus.Official, Organisation: not null })
            .Select(x => new OfficialChannel(x.Entry.Id, x.Entry.Type, x.Entry.Value, x.Status!.Organisation!.Name, x.Status.Organisation.Id, x.Status.Channel, x.Status.Since))
            .ToList());
        lock (gate) cached = (day, now, channels);
        return channels;
    }
}

/// <summary>
/// The official channels of one day, ready for the look-alike test: handles, and hosts (of official domains and
/// links), each with its skeleton, grouped by skeleton length so a candidate is compared only with names of a
/// length it could be an edit of, or that it could contain.
/// </summary>
public sealed class Allowlist
{
    private readonly Dictionary<(IndicatorType Kind, int Length), List<(OfficialChannel Channel, string Name, string Skeleton)>> byLength = [];

    public IReadOnlyList<OfficialChannel> Channels { get; }

    public Allowlist(IReadOnlyList<OfficialChannel> channels)
    {
        Channels = channels;
        foreach (var channel in channels)
        {
            // Official links are compared by their host, as domains.
            var (kind, name) = channel.Type switch
            {
                IndicatorType.Handle => (IndicatorType.Handle, channel.Value),
                IndicatorType.Domain => (IndicatorType.Domain, channel.Value),
                IndicatorType.Url when Uri.TryCreate(channel.Value, UriKind.Absolute, out var uri) => (IndicatorType.Domain, uri.Host),
                _ => (default(IndicatorType?), ""),
            } is ({ } k, var n) ? (k, n) : (IndicatorType.Phone, "");
            if (kind == IndicatorType.Phone) continue;
            var skeleton = LookAlikes.Skeleton(kind, name);
            var key = (kind, skeleton.Length);
            if (!byLength.TryGetValue(key, out var list)) byLength[key] = list = [];
            list.Add((channel, name, skeleton));
        }
    }

    /// <summary>The official channels <paramref name="value"/> imitates (handles with handles, hosts with hosts).</summary>
    public IReadOnlyList<OfficialChannel> Imitated(IndicatorType type, string value)
    {
        if (type is not (IndicatorType.Handle or IndicatorType.Domain) || byLength.Count == 0) return [];
        var skeleton = LookAlikes.Skeleton(type, value);
        List<OfficialChannel>? found = null;
        foreach (var ((kind, length), channels) in byLength)
        {
            // Within two letters (an edit), or shorter and long enough to be found inside it.
            if (kind != type || !(Math.Abs(length - skeleton.Length) <= 2 || (length >= 8 && length < skeleton.Length))) continue;
            foreach (var (channel, name, officialSkeleton) in channels)
                if (LookAlikes.Imitates(type, value, skeleton, name, officialSkeleton)) (found ??= []).Add(channel);
        }
        return found ?? (IReadOnlyList<OfficialChannel>)[];
    }
}
