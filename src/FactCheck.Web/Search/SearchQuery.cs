namespace FactCheck;

/// <summary>
/// What a reader typed into the search box, reduced to terms that must all match. Nothing the reader
/// types is passed to the database's query language: every term is rebuilt from folded words
/// (<see cref="SearchText"/>), so FTS operators, quotes, brackets, NEAR and OR are just words or nothing.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longer input is refused with a message rather than silently cut.</summary>
    public const int MaxLength = 200;
    /// <summary>More terms only make the query slower, never better.</summary>
    public const int MaxTerms = 12;

    private SearchQuery(string text, IReadOnlyList<SearchTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    /// <summary>The input as typed (trimmed), for showing back in the search box.</summary>
    public string Text { get; }
    public IReadOnlyList<SearchTerm> Terms { get; }
    public bool IsEmpty => Terms.Count == 0;

    /// <summary>The stems of every term: a word of a result matched when its stem is one of these (that is what the index compares).</summary>
    public IReadOnlySet<string> Stems => Terms.SelectMany(t => t.Forms).SelectMany(t => t.Stems).ToHashSet(StringComparer.Ordinal);

    /// <summary>The same query with its terms replaced (<see cref="PlatformEquivalents"/> merges and widens them).</summary>
    public SearchQuery With(IReadOnlyList<SearchTerm> terms) => new(Text, terms);

    public static bool IsTooLong(string? text) => text is not null && text.Trim().Length > MaxLength;

    public static SearchQuery Parse(string? text)
    {
        text = (text ?? "").Trim();
        var terms = new List<SearchTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string piece)
        {
            var tokens = SearchText.Tokens(piece);
            if (tokens.Count == 0) return;
            var term = new SearchTerm(tokens.Select(t => t.Word).ToList(), tokens.Select(t => t.Stem).ToList());
            if (terms.Count < MaxTerms && seen.Add(string.Join(' ', term.Words))) terms.Add(term);
        }

        var position = 0;
        while (position < text.Length)
        {
            var quote = text.IndexOfAny(OpeningQuotes, position);
            var plainEnd = quote < 0 ? text.Length : quote;
            foreach (var word in text[position..plainEnd].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                Add(word);
            if (quote < 0) break;
            // An unbalanced quote makes the rest of the input one phrase.
            var close = text.IndexOfAny(ClosingQuotes, quote + 1);
            var phraseEnd = close < 0 ? text.Length : close;
            Add(text[(quote + 1)..phraseEnd]);
            position = phraseEnd + 1;
        }
        return new SearchQuery(text, terms);
    }

    private static readonly char[] OpeningQuotes = ['"', '“', '”', '«', '»', '„'];
    private static readonly char[] ClosingQuotes = ['"', '“', '”', '«', '»'];
}
