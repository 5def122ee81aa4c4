namespace FactCheck;

/// <summary>
/// One word of a text as search sees it.
/// <paramref name="Start"/>/<paramref name="Length"/> locate the whole original word (so highlights never
/// cut an Arabic word), <paramref name="Word"/> is its folded form and <paramref name="Stem"/> the form
/// with Arabic prefixes and apostrophes stripped. One original word can give several tokens
/// (NFKC turns the ligature ﷺ into four words); they all point at the same original span.
/// </summary>
public readonly record struct SearchToken(int Start, int Length, string Word, string Stem)
{
    public int End => Start + Length;
}
