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
    private (DateOnly Day, DateTime LoadedAt, IReadOnlyList<(OfficialChannel Channel, string Skeleton)> Channels)? cached;

    public void Changed()
    {
        lock (gate) cached = null;
    }

    public async Task<IReadOnlyList<(OfficialChannel Channel, string Skeleton)>> OnAsync(AppDbContext db, DateOnly day, CancellationToken cancellationToken = default)
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
        var channels = entries
            .Select(e => (Entry: e, Status: e.StatusOn(day)))
            .Where(x => x.Status is { Status: ChannelStatus.Official, Organisation: not null })
            .Select(x => (new OfficialChannel(x.Entry.Id, x.Entry.Type, x.Entry.Value, x.Status!.Organisation!.Name, x.Status.Organisation.Id, x.Status.Channel, x.Status.Since),
                SkeletonOf(x.Entry.Type, x.Entry.Value)))
            .ToList();
        lock (gate) cached = (day, now, channels);
        return channels;
    }

    /// <summary>The official channels <paramref name="value"/> imitates (same kind: handles with handles, hosts with hosts).</summary>
    public static IReadOnlyList<OfficialChannel> Imitated(IReadOnlyList<(OfficialChannel Channel, string Skeleton)> officials, IndicatorType type, string value)
    {
        if (type is not (IndicatorType.Handle or IndicatorType.Domain) || officials.Count == 0) return [];
        var skeleton = LookAlikes.Skeleton(type, value);
        List<OfficialChannel>? found = null;
        foreach (var (channel, officialSkeleton) in officials)
        {
            // Cheap length test first: an edit-distance match differs by at most two letters, a containment is shorter.
            if (officialSkeleton.Length > skeleton.Length + 2) continue;
            if (!HostsOrHandles(channel.Type, type)) continue;
            if (LookAlikes.Imitates(type, value, skeleton, Comparable(channel, type), officialSkeleton)) (found ??= []).Add(channel);
        }
        return found ?? (IReadOnlyList<OfficialChannel>)[];
    }

    /// <summary>Official links are compared by their host, as domains.</summary>
    private static string SkeletonOf(IndicatorType type, string value) =>
        type == IndicatorType.Url && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? LookAlikes.Skeleton(IndicatorType.Domain, uri.Host)
            : LookAlikes.Skeleton(type, value);

    private static bool HostsOrHandles(IndicatorType official, IndicatorType candidate) =>
        official == candidate || (candidate == IndicatorType.Domain && official == IndicatorType.Url);

    private static string Comparable(OfficialChannel channel, IndicatorType type) =>
        channel.Type == IndicatorType.Url && type == IndicatorType.Domain && Uri.TryCreate(channel.Value, UriKind.Absolute, out var uri) ? uri.Host : channel.Value;
}
