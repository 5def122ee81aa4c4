namespace FactCheck;

public sealed class TipPage : AdminPage
{
    public required Tip Tip { get; init; }
    public bool ShowContact { get; init; }
    public RedactionForm Redaction { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
}
