using System.Globalization;
using System.Text;

namespace FactCheck;

/// <summary>
/// The one normalizer for indexed text and for queries (docs/rtl-and-text.md, "Search normalization"):
/// NFKC; Arabic harakat, superscript alef and tatweel removed; alef, yeh, teh marbuta and Persian
/// letters folded; every digit set folded to ASCII; apostrophes inside words unified, stress marks,
/// soft hyphens and ZWNJ removed; й/ї and other letters with their own identity are kept;
/// invariant lower case. Words are split here, not by the database, so the index and the
/// highlighting agree on what a word is.
/// </summary>
public static class SearchText
{
    /// <summary>The apostrophe every variant becomes. A modifier letter, so no tokenizer splits a word at it.</summary>
    public const char Apostrophe = '\u02BC';

    /// <summary>Stems shorter than this are not stripped further: "بيت" must not become "يت".</summary>
    private const int MinArabicStem = 2;

    // Longest first. The article with a preceding conjunction/preposition (Lucene's ArabicStemmer set).
    private static readonly string[] ArticlePrefixes = ["وال", "بال", "كال", "فال", "لل", "ال"];

    /// <summary>The folded words of <paramref name="text"/>, separated by single spaces.</summary>
    public static string Normalize(string? text) =>
        string.Join(' ', Tokens(text).Select(t => t.Word));

    /// <summary>The folded words and their stems, with where each came from in <paramref name="text"/>.</summary>
    public static List<SearchToken> Tokens(string? text)
    {
        var tokens = new List<SearchToken>();
        if (string.IsNullOrEmpty(text)) return tokens;

        var i = 0;
        while (i < text.Length)
        {
            var rune = RuneAt(text, i, out var width);
            if (!IsWordRune(rune))
            {
                i += width;
                continue;
            }
            var start = i;
            var end = i + width;
            var previous = rune;
            while (end < text.Length)
            {
                var next = RuneAt(text, end, out var nextWidth);
                if (IsWordRune(next) || (IsApostrophe(next) && Rune.IsLetter(previous) && end + nextWidth < text.Length
                                         && Rune.IsLetter(RuneAt(text, end + nextWidth, out _))))
                {
                    end += nextWidth;
                    previous = next;
                    continue;
                }
                break;
            }
            foreach (var word in Fold(text[start..end]))
                tokens.Add(new SearchToken(start, end - start, word, Stem(word)));
            i = end;
        }
        return tokens;
    }

    /// <summary>
    /// Light stemming of one folded word: Arabic article/conjunction prefixes (ال وال بال كال فال لل, و, and
    /// ب ف ك before long words) and apostrophes ("мʼясо" → "мясо", "telegramʼs" → "telegram").
    /// Index and query both store the stem, so "الطالب", "والطالب" and "طالب" find each other.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Contains(Apostrophe, StringComparison.Ordinal))
        {
            if (word.EndsWith(Apostrophe + "s", StringComparison.Ordinal) && IsAsciiLetter(word[0]))
                word = word[..^2];
            return word.Replace(Apostrophe.ToString(), "", StringComparison.Ordinal);
        }
        if (!IsArabicWord(word)) return word;

        // Prefixes are peeled one at a time until none applies, so a word and the same word with a
        // prefix reach the same stem: stem("الوزارة") = stem("وزارة") = stem("والوزارة").
        while (true)
        {
            var stripped = StripOnePrefix(word);
            if (stripped == word) return word;
            word = stripped;
        }
    }

    private static string StripOnePrefix(string word)
    {
        foreach (var prefix in ArticlePrefixes)
            if (word.StartsWith(prefix, StringComparison.Ordinal) && word.Length - prefix.Length >= MinArabicStem)
                return word[prefix.Length..];
        // A lone و is the commonest prefix ("وكتب"); Lucene strips it from words of four letters and more.
        if (word[0] == 'و' && word.Length >= 4) return word[1..];
        // ب ف ك also begin many ordinary words ("بطاقه" is not "طاقه"), so only long words lose them.
        if (word[0] is 'ب' or 'ف' or 'ك' && word.Length >= 6) return word[1..];
        return word;
    }

    /// <summary>NFKC and the character folding of one original word; NFKC can split it (ligatures with spaces).</summary>
    private static IEnumerable<string> Fold(string span)
    {
        var composed = IsNfkcStable(span) ? span : span.Normalize(NormalizationForm.FormKC);
        var word = new StringBuilder(composed.Length);
        foreach (var rune in composed.EnumerateRunes())
        {
            if (TextFolding.IsArabicMarkOrTatweel(rune)) continue;
            switch (rune.Value)
            {
                case 0x0301: // combining acute: Ukrainian stress mark
                case 0x00AD: // soft hyphen
                case 0x200C: // zero-width non-joiner (Persian می‌خواهم = میخواهم)
                case 0x200D: // zero-width joiner
                    continue;
            }
            if (IsApostrophe(rune))
            {
                word.Append(Apostrophe);
                continue;
            }
            if (Rune.IsDigit(rune))
            {
                word.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                continue;
            }
            if (!IsWordRune(rune))
            {
                if (word.Length > 0) yield return word.ToString();
                word.Clear();
                continue;
            }
            var folded = rune.IsBmp ? FoldArabic((char)rune.Value) : '\0';
            if (folded != '\0')
            {
                word.Append(folded);
                continue;
            }
            // Arabic has no case; skipping the lookup makes Arabic text several times faster to fold.
            if (rune.Value is >= 0x0600 and <= 0x06FF)
            {
                word.Append((char)rune.Value);
                continue;
            }
            // Basic Cyrillic and Ґ by table, as Unicode defines them (the general lookup is the slow part).
            if (rune.Value is >= 0x0400 and <= 0x045F or 0x0490 or 0x0491)
            {
                word.Append(rune.Value switch
                {
                    >= 0x0400 and <= 0x040F => (char)(rune.Value + 0x50),
                    >= 0x0410 and <= 0x042F => (char)(rune.Value + 0x20),
                    0x0490 => '\u0491',
                    _ => (char)rune.Value,
                });
                continue;
            }
            var lower = Rune.ToLowerInvariant(rune);
            if (lower.IsBmp) word.Append((char)lower.Value);
            else word.Append(lower.ToString());
        }
        if (word.Length > 0) yield return word.ToString();
    }

    /// <summary>
    /// True when NFKC cannot change the word in a way folding would notice, so the (ICU) call can be
    /// skipped: ASCII, basic Cyrillic, the Arabic letters, digits and harakat this class handles.
    /// Harakat need no canonical reordering because they are all deleted; hamza and madda above/below
    /// (U+0653–U+0655) compose with the letter before them, so they take the slow path.
    /// </summary>
    private static bool IsNfkcStable(string span)
    {
        foreach (var c in span)
        {
            var stable = c < 0x80 || c is >= '\u0400' and <= '\u045F' or '\u0490' or '\u0491'
                         or >= '\u0620' and <= '\u0652' or >= '\u0656' and <= '\u0671'
                         or '\u06A9' or '\u06CC' or >= '\u06F0' and <= '\u06F9'
                         or '\u00AD' or '\u200C' or '\u200D' or '\u2018' or '\u2019' or '\u02BC';
            if (!stable) return false;
        }
        return true;
    }

    private static char FoldArabic(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ی' => 'ي', // Persian yeh U+06CC
        'ک' => 'ك', // keheh U+06A9
        'ۀ' or 'ہ' or 'ھ' => 'ه', // U+06C0, U+06C1, U+06BE
        _ => '\0',
    };

    private static bool IsWordRune(Rune rune) =>
        rune.Value is 0x00AD or 0x200C or 0x200D ||
        CharUnicodeInfo.GetUnicodeCategory(rune.Value) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };

    /// <summary>' ’ ‘ ʼ: Ukrainian is typed with all four (м'ясо, м’ясо, мʼясо).</summary>
    private static bool IsApostrophe(Rune rune) => rune.Value is '\'' or '\u2019' or '\u2018' or '\u02BC';

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z';

    private static bool IsArabicWord(string word)
    {
        foreach (var c in word)
            if (c is < '\u0621' or > '\u064A' and < '\u066E' or > '\u06D3') return false;
        return true;
    }

    /// <summary>The rune at <paramref name="index"/>; a lone surrogate reads as U+FFFD (a separator) instead of throwing.</summary>
    private static Rune RuneAt(string text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out width) == System.Buffers.OperationStatus.Done)
            return rune;
        width = Math.Max(1, width);
        return Rune.ReplacementChar;
    }
}
