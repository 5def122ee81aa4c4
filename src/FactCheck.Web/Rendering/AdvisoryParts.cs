using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FactCheck;

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
