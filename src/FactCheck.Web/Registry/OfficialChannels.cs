using Microsoft.EntityFrameworkCore;

namespace FactCheck;

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
