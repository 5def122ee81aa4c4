namespace FactCheck;

/// <summary>
/// An old tag name or platform key that now means another one (after a rename or a merge): public lists
/// and feeds filtered by it answer 301 with the new one, so links and feed subscriptions keep working.
/// </summary>
public class TaxonomyRedirect
{
    public const string TagKind = "tag";
    public const string PlatformKind = "platform";

    /// <summary><see cref="TagKind"/> or <see cref="PlatformKind"/>.</summary>
    public string Kind { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
