using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

/// <summary>
/// What readers see of an advisory, rendered once when it is saved instead of on every uncached
/// request (bench/README.md, "The cold path"): the body through <see cref="MarkdownRenderer"/>
/// (sanitized, directions set, embedded runs isolated) and the advisory's lists (tags, authors,
/// indicators, sources, corrections, screenshots with their files, platform ids) as JSON, so that the
/// advisory page and the feeds read one row per advisory instead of eight queries.
/// </summary>
/// <remarks>
/// Written by <see cref="PublishingEvents.AdvisoryChangedAsync"/> inside the transaction of every
/// change, so it commits with the change. Each row carries the <see cref="Current"/> version of the
/// renderer that made it; a row of another version (or none, for advisories written by other means)
/// is never served: the page renders afresh from the advisory, and <see cref="StaleRenderings"/>
/// re-renders such rows in the background after each start.
/// </remarks>
public static class RenderedHtml
{
    /// <summary>
    /// Bump when Markdown, sanitizer or bidi output changes: every stored body is re-rendered on the next start.
    /// 2: scrollable tables reachable by keyboard, signs kept with names and digit groups isolated (issue 13).
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// <see cref="Version"/> with a fingerprint of the stored lists' shape: a field added to an indicator,
    /// source, correction or screenshot makes every stored row stale without anyone bumping anything.
    /// </summary>
    public static readonly string Current = $"{Version}.{AdvisoryParts.Fingerprint}";
}

/// <summary>The stored rendering of one advisory (table RenderedAdvisories, one row per advisory).</summary>
public class RenderedAdvisory
{
    public Guid AdvisoryId { get; set; }
    /// <summary><see cref="RenderedHtml.Current"/> when it was rendered.</summary>
    public string RendererVersion { get; set; } = "";
    /// <summary>The body as HTML, safe to emit raw.</summary>
    public string BodyHtml { get; set; } = "";
    /// <summary><see cref="AdvisoryParts"/> as JSON.</summary>
    public string Parts { get; set; } = "";
}

internal sealed class RenderedAdvisoryConfiguration : IEntityTypeConfiguration<RenderedAdvisory>
{
    public void Configure(EntityTypeBuilder<RenderedAdvisory> rendered)
    {
        rendered.ToTable("RenderedAdvisories");
        rendered.HasKey(r => r.AdvisoryId);
        rendered.Property(r => r.RendererVersion).HasMaxLength(40);
        rendered.HasOne<Advisory>().WithOne().HasForeignKey<RenderedAdvisory>(r => r.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// An advisory's lists as readers see them, stored as JSON with its rendering. The entity classes
/// themselves are serialized (every settable property but the navigations back to advisories), so a
/// new field of an indicator or a source is carried without a change here.
/// </summary>
public sealed class AdvisoryParts
{
    public List<int> PlatformIds { get; set; } = [];
    public List<Tag> Tags { get; set; } = [];
    public List<Author> Authors { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];
    public List<Source> Sources { get; set; } = [];
    public List<Correction> Corrections { get; set; } = [];
    public List<Screenshot> Screenshots { get; set; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredPropertiesOnly } },
    };

    /// <summary>The lists of an advisory loaded with them, in the order pages show them.</summary>
    public static AdvisoryParts Of(Advisory advisory) => new()
    {
        PlatformIds = advisory.Platforms.Select(p => p.Id).Order().ToList(),
        Tags = advisory.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(),
        Authors = advisory.Authors.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(),
        Indicators = advisory.Indicators.OrderBy(i => i.Type).ThenBy(i => i.Id).ToList(),
        Sources = advisory.Sources.OrderBy(s => s.Position).ToList(),
        Corrections = advisory.Corrections.OrderBy(c => c.PublishedAt).ToList(),
        Screenshots = advisory.Screenshots.OrderBy(s => s.Position).ToList(),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AdvisoryParts FromJson(string json) => JsonSerializer.Deserialize<AdvisoryParts>(json, Json) ?? new AdvisoryParts();

    /// <summary>
    /// Fills the advisory's lists from these parts. Platforms and the rating come from <paramref name="lists"/>
    /// (kept in memory per content version), so a renamed platform or relabelled verdict is never stale.
    /// </summary>
    public void ApplyTo(Advisory advisory, ContentLists.Snapshot lists)
    {
        advisory.Rating = advisory.RatingId is { } ratingId ? lists.Rating(ratingId) : null;
        advisory.Platforms = PlatformIds.Select(lists.Platform).OfType<Platform>().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        advisory.Tags = Tags;
        advisory.Authors = Authors;
        advisory.Indicators = Indicators;
        advisory.Sources = Sources;
        advisory.Corrections = Corrections;
        advisory.Screenshots = Screenshots;
    }

    /// <summary>Serializes what the database stores: no computed properties, no navigations back to advisories (cycles).</summary>
    private static void StoredPropertiesOnly(JsonTypeInfo type)
    {
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null || property.PropertyType == typeof(Advisory) || property.PropertyType == typeof(List<Advisory>))
                type.Properties.RemoveAt(i);
        }
    }

    /// <summary>A short hash of every serialized type's property names and types.</summary>
    internal static string Fingerprint { get; } = ComputeFingerprint();

    private static string ComputeFingerprint()
    {
        var shape = new StringBuilder();
        var seen = new HashSet<Type>();
        void Describe(Type type)
        {
            if (!seen.Add(type)) return;
            var info = Json.GetTypeInfo(type);
            if (info.ElementType is { } element) Describe(element);
            foreach (var property in info.Properties)
            {
                shape.Append(type.Name).Append('.').Append(property.Name).Append(':').Append(property.PropertyType.FullName).Append('\n');
                Describe(property.PropertyType);
            }
        }
        Describe(typeof(AdvisoryParts));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape.ToString())))[..8];
    }
}
