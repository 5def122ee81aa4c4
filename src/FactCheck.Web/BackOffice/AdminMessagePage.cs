namespace FactCheck;

/// <summary>A back-office page with nothing more than a heading and a message.</summary>
public sealed class AdminMessagePage : AdminPage
{
    public required string Message { get; init; }
}
