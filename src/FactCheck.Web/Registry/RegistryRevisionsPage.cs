namespace FactCheck;

public sealed class RegistryRevisionsPage : AdminPage
{
    public required RegistryEntry Entry { get; init; }
    public required IReadOnlyList<RegistryRevision> Revisions { get; init; }
    /// <summary>One revision shown in full, or null for the list.</summary>
    public RegistryRevision? Shown { get; init; }
}
