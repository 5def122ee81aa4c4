namespace FactCheck;

public sealed class AuditPage : AdminPage
{
    public required IReadOnlyList<AuditEntry> Entries { get; init; }
    public required int Page { get; init; }
    public required bool HasMore { get; init; }
}
