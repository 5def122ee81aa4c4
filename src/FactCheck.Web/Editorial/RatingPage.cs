namespace FactCheck;

public sealed class RatingPage : AdminPage
{
    /// <summary>Null for a new rating (its key can be chosen only then).</summary>
    public int? Id { get; init; }
    public required RatingForm Form { get; init; }
    public FormErrors Errors { get; init; } = new();
}
