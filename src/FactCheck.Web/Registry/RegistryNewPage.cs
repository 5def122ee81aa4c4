namespace FactCheck;

public sealed class RegistryNewPage : AdminPage
{
    public required EntryForm Form { get; init; }
    public required IReadOnlyList<Organisation> Organisations { get; init; }
    public FormErrors Errors { get; init; } = new();
}
