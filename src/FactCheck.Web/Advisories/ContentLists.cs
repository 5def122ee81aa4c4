using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>
/// The rating scale and the platform list, which every public page shows and which change rarely:
/// read once per <see cref="PublicContent.Version"/> and kept in memory, so that a page costs no
/// query for them. A change anywhere (a relabelled verdict, a new platform, a publish on another
/// instance) moves the version, and the next page reads them again.
/// </summary>
public sealed class ContentLists(PublicContent publicContent, IServiceScopeFactory scopes)
{
    private volatile Snapshot? current;

    public sealed class Snapshot(string version, IReadOnlyList<Rating> ratings, IReadOnlyList<Platform> platforms, ILookup<string, int> platformsInUse)
    {
        public string Version { get; } = version;
        /// <summary>The rating scale in its order.</summary>
        public IReadOnlyList<Rating> Ratings { get; } = ratings;
        /// <summary>Every platform, by name.</summary>
        public IReadOnlyList<Platform> Platforms { get; } = platforms;
        /// <summary>The best and worst ClaimReview numbers of the scale.</summary>
        public (int Best, int Worst) Scale { get; } = ratings.Count == 0 ? (1, 1) : (ratings.Max(r => r.Value), ratings.Min(r => r.Value));

        private readonly Dictionary<int, Rating> ratingsById = ratings.ToDictionary(r => r.Id);
        private readonly Dictionary<int, Platform> platformsById = platforms.ToDictionary(p => p.Id);

        public Rating? Rating(int id) => ratingsById.GetValueOrDefault(id);
        public Platform? Platform(int id) => platformsById.GetValueOrDefault(id);

        /// <summary>Platforms that published advisories in <paramref name="language"/> use (all languages when null), by name.</summary>
        public IReadOnlyList<Platform> PlatformsInUse(string? language)
        {
            var ids = (language is null ? platformsInUse.SelectMany(g => g) : platformsInUse[language]).ToHashSet();
            return Platforms.Where(p => ids.Contains(p.Id)).ToList();
        }
    }

    public async ValueTask<Snapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        // The version is read before the rows: a change committed meanwhile leaves this snapshot under
        // the old version, and the next request reads again.
        var version = publicContent.Version;
        if (current is { } snapshot && snapshot.Version == version) return snapshot;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ratings = await db.Ratings.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var platforms = await db.Platforms.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        // Per language, each platform stops at its first published advisory (IX_AdvisoryPlatforms_PlatformsId).
        var inUse = new List<(string Language, int PlatformId)>();
        foreach (var language in SiteLanguage.All)
        {
            var code = language.Code;
            inUse.AddRange((await db.Platforms.Where(p => p.Advisories.Any(a => a.Status == AdvisoryStatus.Published && a.Language == code))
                .Select(p => p.Id).ToListAsync(cancellationToken)).Select(id => (code, id)));
        }
        var fresh = new Snapshot(version, ratings, platforms, inUse.ToLookup(u => u.Language, u => u.PlatformId));
        current = fresh;
        return fresh;
    }
}
