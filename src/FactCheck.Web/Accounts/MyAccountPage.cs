namespace FactCheck;

public sealed class MyAccountPage : AdminPage
{
    public required EditorUser Account { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required bool TwoFactorRequired { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
}
