namespace FactCheck;

public sealed class NotificationSettingsPage : AdminPage
{
    public required NotificationSetting Setting { get; init; }
    public required bool EmailEnabled { get; init; }
    public required string? Email { get; init; }
}
