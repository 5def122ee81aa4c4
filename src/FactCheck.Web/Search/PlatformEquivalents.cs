namespace FactCheck;

/// <summary>
/// Readers write a platform's name in their own script — "واتساب", "واتس اب", "Ватсап" — and an advisory
/// may use another ("WhatsApp"). A query term that is one of a platform's names (its name in any language or
/// one of its <see cref="Platform.Equivalents"/>, compared after <see cref="SearchText"/> folding) matches any of them.
/// Several typed words that together make a name ("واتس اب") become one term first.
/// </summary>
public static class PlatformEquivalents
{
    public static SearchQuery Expand(SearchQuery query, IEnumerable<Platform> platforms)
    {
        // Each name as folded words, with every name of its platform as the alternatives.
        var names = new List<(string[] Words, List<SearchTerm> Forms)>();
        foreach (var platform in platforms)
        {
            var forms = new[] { platform.Name, platform.NameAr, platform.NameUk }.OfType<string>().Concat(platform.EquivalentNames)
                .Select(name => SearchText.Tokens(name))
                .Where(tokens => tokens.Count > 0)
                .Select(tokens => new SearchTerm(tokens.Select(t => t.Word).ToList(), tokens.Select(t => t.Stem).ToList()))
                .DistinctBy(term => string.Join(' ', term.Words))
                .ToList();
            if (forms.Count > 1) names.AddRange(forms.Select(form => (form.Words.ToArray(), forms)));
        }
        if (names.Count == 0 || query.IsEmpty) return query;

        var terms = new List<SearchTerm>();
        var typed = query.Terms;
        for (var i = 0; i < typed.Count;)
        {
            // The longest name that the typed terms starting here spell, word for word.
            var match = names
                .Select(name => (name, Length: Spells(typed, i, name.Words)))
                .Where(m => m.Length > 0)
                .OrderByDescending(m => m.name.Words.Length)
                .FirstOrDefault();
            if (match.Length == 0)
            {
                terms.Add(typed[i]);
                i++;
                continue;
            }
            var own = match.name.Forms.First(f => f.Words.SequenceEqual(match.name.Words));
            terms.Add(own with { Alternatives = match.name.Forms.Where(f => f != own).ToList() });
            i += match.Length;
        }
        return query.With(terms);
    }

    /// <summary>How many terms from <paramref name="start"/> spell <paramref name="words"/> (each a single word, or one phrase equal to them all), or 0.</summary>
    private static int Spells(IReadOnlyList<SearchTerm> terms, int start, string[] words)
    {
        if (terms[start].Words.SequenceEqual(words)) return 1;
        if (start + words.Length > terms.Count) return 0;
        for (var k = 0; k < words.Length; k++)
            if (terms[start + k].Words is not [var word] || word != words[k]) return 0;
        return words.Length;
    }
}
