namespace FactCheck;

public sealed class RegistryListPage : AdminPage
{
    public required string Query { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public required IReadOnlyList<(RegistryEntry Entry, StatusRecord? Current)> Entries { get; init; }
    public int Page { get; init; }
    public bool HasMore { get; init; }
}
