namespace FactCheck;

public sealed class RegistryEntryPage : AdminPage
{
    public required RegistryEntry Entry { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    /// <summary>Every advisory (any status) that lists this indicator.</summary>
    public required IReadOnlyList<(Guid Id, string Title, AdvisoryStatus Status, string Language)> Advisories { get; init; }
    public StatusForm Form { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
    public bool CanEdit { get; init; }
}
