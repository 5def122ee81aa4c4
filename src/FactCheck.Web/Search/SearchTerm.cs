namespace FactCheck;

/// <summary>
/// One thing the reader wants found: a word, or a phrase whose words must stand together.
/// A phrase comes from "quotes" or from a single typed word that folds to several (wa-support.example).
/// </summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, IReadOnlyList<string> Stems)
{
    public bool IsPhrase => Words.Count > 1;

    /// <summary>Other ways of writing the same thing (a platform's names in other scripts, <see cref="PlatformEquivalents"/>): any one may match.</summary>
    public IReadOnlyList<SearchTerm> Alternatives { get; init; } = [];

    /// <summary>This term and its alternatives.</summary>
    public IEnumerable<SearchTerm> Forms => Alternatives.Prepend(this);
}
