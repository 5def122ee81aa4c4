namespace FactCheck;

public sealed class SignInPage : AdminPage
{
    public string? Email { get; init; }
    public string? ReturnUrl { get; init; }
    public string? Error { get; init; }
}
