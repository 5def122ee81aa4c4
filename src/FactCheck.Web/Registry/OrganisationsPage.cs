namespace FactCheck;

public sealed class OrganisationsPage : AdminPage
{
    /// <summary>Each organisation with its official channels today: the allowlist the check compares look-alikes with.</summary>
    public required IReadOnlyList<(Organisation Organisation, IReadOnlyList<OfficialChannel> Channels)> Organisations { get; init; }
}
