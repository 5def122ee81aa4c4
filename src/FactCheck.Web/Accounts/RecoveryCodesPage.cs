namespace FactCheck;

public sealed class RecoveryCodesPage : AdminPage
{
    public required IReadOnlyList<string> Codes { get; init; }
}
