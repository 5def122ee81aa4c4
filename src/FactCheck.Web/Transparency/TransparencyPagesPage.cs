namespace FactCheck;

public sealed class TransparencyPagesPage : AdminPage
{
    public required IReadOnlyList<TransparencyPage> Pages { get; init; }
}
