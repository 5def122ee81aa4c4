namespace FactCheck;

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
