namespace FactCheck;

public sealed class TwoFactorSetupPage : AdminPage
{
    /// <summary>The shared secret in base32, grouped for typing into an app by hand.</summary>
    public required string Key { get; init; }
    public required bool Required { get; init; }
    public string? Error { get; init; }
}
