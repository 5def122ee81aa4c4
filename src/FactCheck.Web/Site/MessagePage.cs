namespace FactCheck;

public sealed class MessagePage : PublicPage
{
    public required string Heading { get; init; }
    public required string Message { get; init; }
}
