namespace FactCheck;

/// <summary>The "Cdn" section: an optional purge call to a CDN on every committed change.</summary>
public sealed class CdnOptions
{
    /// <summary>
    /// The purge endpoint; none means no purge. <c>{keys}</c> and <c>{paths}</c> in it are replaced by the
    /// change's surrogate keys and URLs, comma-separated and escaped, for CDNs that take them in the address.
    /// The body is always JSON: <c>{"urls": [...], "keys": [...]}</c>.
    /// </summary>
    public string? PurgeUrl { get; set; }
    public string Method { get; set; } = "POST";
    /// <summary>Sent with every purge call, e.g. Cdn__Headers__Authorization="Bearer …".</summary>
    public Dictionary<string, string> Headers { get; set; } = [];
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
