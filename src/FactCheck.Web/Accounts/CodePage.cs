namespace FactCheck;

public sealed class CodePage : AdminPage
{
    public string? ReturnUrl { get; init; }
    public string? Error { get; init; }
}
