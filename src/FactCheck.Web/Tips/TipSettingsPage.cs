namespace FactCheck;

public sealed class TipSettingsPage : AdminPage
{
    public required string RetentionDays { get; init; }
    public string? Error { get; init; }
}
