namespace FactCheck;

public sealed class TipQueuePage : AdminPage
{
    public required IReadOnlyList<TipCluster> Clusters { get; init; }
    /// <summary>Contacts are shown to Editors and Admins only.</summary>
    public bool ShowContacts { get; init; }
}
