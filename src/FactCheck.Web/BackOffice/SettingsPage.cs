namespace FactCheck;

public sealed class SettingsPage : AdminPage
{
    public required bool RequireTwoFactor { get; init; }
}
