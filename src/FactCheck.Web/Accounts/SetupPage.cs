namespace FactCheck;

public sealed class SetupPage : AdminPage
{
    public required string Token { get; init; }
    public AccountForm Form { get; init; } = new();
    public IReadOnlyList<string> Errors { get; init; } = [];
}
