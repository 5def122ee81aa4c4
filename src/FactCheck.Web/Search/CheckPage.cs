namespace FactCheck;

public sealed class CheckPage : PublicPage
{
    /// <summary>Readers may paste a whole message; longer input is refused with a message.</summary>
    public const int MaxQueryLength = IndicatorNormalizer.MaxCheckInputLength;

    public required string Query { get; init; }
    public required CheckOutcome Outcome { get; init; }
    public IReadOnlyList<CheckedIndicator> LookedFor { get; init; } = [];
    public IReadOnlyList<CheckMatch> Matches { get; init; } = [];
}
