using System.Net;
using System.Text;

namespace FactCheck;

/// <summary>
/// Highlighting for results, computed on the original text rather than by the database: the index holds
/// folded words, and a reader must see their own spelling. A word is marked when its stem is one of the
/// query's, and the mark always covers the whole original word (an Arabic word styled in part loses
/// its letter joining). Output is HTML: the text is encoded, the only markup is &lt;mark&gt;.
/// </summary>
public static class SearchSnippets
{
    /// <summary>Words shown in a snippet.</summary>
    public const int SnippetWords = 32;
    /// <summary>Words of context kept before the first match in a snippet.</summary>
    private const int Lead = 6;
    /// <summary>
    /// Characters of each passage looked at for a snippet: enough for any summary and the first
    /// screens of a body, and it bounds the work per result (a match further down shows the summary).
    /// </summary>
    private const int PassageLimit = 6000;

    /// <summary>The whole <paramref name="text"/> with matching words marked.</summary>
    public static string Highlight(string text, IReadOnlySet<string> stems)
    {
        var words = Words(text, stems);
        return Render(text, words, 0, words.Count);
    }

    /// <summary>
    /// The passage and stretch of it with the most distinct query words, marked; the first passage's
    /// beginning when nothing matched in the prose (the match was in a tag or indicator).
    /// </summary>
    public static string Snippet(IEnumerable<string> passages, IReadOnlySet<string> stems)
    {
        string? bestText = null, firstText = null;
        List<Word>? bestWords = null, firstWords = null;
        int bestStart = 0, bestScore = 0;
        foreach (var whole in passages)
        {
            if (string.IsNullOrWhiteSpace(whole)) continue;
            var passage = Bounded(whole);
            var words = Words(passage, stems);
            if (firstText is null) (firstText, firstWords) = (passage, words);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].Stem is null) continue;
                var start = Math.Max(0, i - Lead);
                var score = words.Skip(start).Take(SnippetWords).Select(w => w.Stem).OfType<string>().Distinct(StringComparer.Ordinal).Count();
                if (score > bestScore) (bestText, bestWords, bestStart, bestScore) = (passage, words, start, score);
            }
        }
        if (bestText is null)
            return firstText is null ? "" : Render(firstText, firstWords!, 0, Math.Min(SnippetWords, firstWords!.Count));
        return Render(bestText, bestWords!, bestStart, Math.Min(bestWords!.Count, bestStart + SnippetWords));
    }

    /// <summary>The passage up to <see cref="PassageLimit"/>, cut at a space so no word is cut.</summary>
    private static string Bounded(string passage)
    {
        if (passage.Length <= PassageLimit) return passage;
        var cut = passage.LastIndexOf(' ', PassageLimit);
        return passage[..(cut > 0 ? cut : PassageLimit)];
    }

    /// <summary>An original word: where it is, and the query stem it matched (null when it did not).</summary>
    private readonly record struct Word(int Start, int End, string? Stem);

    private static List<Word> Words(string text, IReadOnlySet<string> stems)
    {
        var words = new List<Word>();
        foreach (var token in SearchText.Tokens(text))
        {
            var matched = stems.Contains(token.Stem) ? token.Stem : null;
            // Several tokens can come from one original word (NFKC splits ligatures): one word, marked if any part matched.
            if (words.Count > 0 && words[^1].Start == token.Start)
            {
                if (words[^1].Stem is null && matched is not null) words[^1] = words[^1] with { Stem = matched };
                continue;
            }
            words.Add(new Word(token.Start, token.End, matched));
        }
        return words;
    }

    /// <summary>Words [from, to) with the text between them; whitespace runs become one space; "…" where cut.</summary>
    private static string Render(string text, List<Word> words, int from, int to)
    {
        var html = new StringBuilder();
        if (words.Count == 0) return Encode(text);
        var start = from == 0 ? 0 : words[from].Start;
        var end = to >= words.Count ? text.Length : words[to - 1].End;
        if (from > 0) html.Append('…');
        var position = start;
        for (var i = from; i < to; i++)
        {
            html.Append(Encode(text[position..words[i].Start]));
            var word = Encode(text[words[i].Start..words[i].End]);
            if (words[i].Stem is null) html.Append(word);
            else html.Append("<mark>").Append(word).Append("</mark>");
            position = words[i].End;
        }
        html.Append(Encode(text[position..end]));
        if (to < words.Count) html.Append('…');
        return html.ToString().Trim();
    }

    private static string Encode(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (collapsed.Length == 0 || collapsed[^1] != ' ') collapsed.Append(' ');
            }
            else collapsed.Append(c);
        }
        return WebUtility.HtmlEncode(collapsed.ToString());
    }
}
