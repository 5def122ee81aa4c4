using System.Globalization;
using System.Text;

namespace FactCheck;

/// <summary>
/// Typo-squats and homoglyphs of official handles and domains: <c>@rеserveplusbot</c> with a Cyrillic
/// "е", <c>@reserve_plus_bot</c>, <c>rnonobank.ua</c> for monobank. Both names are reduced to a
/// skeleton (confusable letters to one Latin letter, <c>rn</c> to <c>m</c>, separators dropped, in the
/// spirit of Unicode TR39's confusable skeletons) and compared by edit distance.
/// </summary>
public static class LookAlikes
{
    // Letters that look alike in the fonts messengers use: Cyrillic and Greek to Latin, digits to letters,
    // and i/l/1/| to one letter (they differ by a pixel or not at all in many fonts).
    private static readonly Dictionary<char, char> Confusable = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['є'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o',
        ['р'] = 'p', ['с'] = 'c', ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'l', ['ї'] = 'l', ['ј'] = 'j',
        ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['һ'] = 'h', ['ɡ'] = 'g', ['ь'] = 'b', ['ѵ'] = 'v', ['ӏ'] = 'l',
        ['α'] = 'a', ['β'] = 'b', ['ε'] = 'e', ['ι'] = 'l', ['κ'] = 'k', ['ν'] = 'v', ['ο'] = 'o', ['ρ'] = 'p', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w', ['ı'] = 'l', ['ł'] = 'l', ['ǀ'] = 'l',
        ['0'] = 'o', ['1'] = 'l', ['i'] = 'l', ['|'] = 'l', ['!'] = 'l', ['5'] = 's', ['$'] = 's', ['@'] = 'a',
    };

    /// <summary>
    /// The look-alike form of a handle or host: NFKC, lowercase, punycode decoded, confusables folded,
    /// <c>rn</c>→<c>m</c>, <c>vv</c>→<c>w</c>, and <c>_ - .</c> dropped (the usual padding of a fake name).
    /// A leading <c>@</c> and a Telegram "bot" suffix are not part of it.
    /// </summary>
    public static string Skeleton(IndicatorType type, string value)
    {
        var text = value.Trim();
        if (type == IndicatorType.Handle && text.StartsWith('@')) text = text[1..];
        if (type == IndicatorType.Domain) text = Unpunycode(text);
        try
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Broken UTF-16: compare what is there.
        }
        text = text.ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '_' or '-' or '.' || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark) continue;
            builder.Append(Confusable.TryGetValue(c, out var plain) ? plain : c);
        }
        var skeleton = builder.Replace("rn", "m").Replace("vv", "w").ToString();
        return type == IndicatorType.Handle && skeleton.Length > 6 && skeleton.EndsWith("bot", StringComparison.Ordinal) ? skeleton[..^3] : skeleton;
    }

    /// <summary>Whether <paramref name="candidate"/> imitates <paramref name="official"/> (and is not the same indicator).</summary>
    public static bool Imitates(IndicatorType type, string candidate, string candidateSkeleton, string official, string officialSkeleton)
    {
        if (candidate == official || candidateSkeleton.Length < 3) return false;
        if (candidateSkeleton == officialSkeleton) return true;
        // Short names differ by one letter legitimately (@mono, @nomo); longer ones rarely do by accident.
        var allowed = officialSkeleton.Length switch { <= 5 => 0, <= 10 => 1, _ => 2 };
        if (allowed > 0 && Math.Abs(candidateSkeleton.Length - officialSkeleton.Length) <= allowed
            && Distance(candidateSkeleton, officialSkeleton, allowed) <= allowed)
            return true;
        // "reserveplus-support" or "reserveplus.gov.ua.help.example": the whole official name inside a longer one.
        return officialSkeleton.Length >= 8 && candidateSkeleton.Contains(officialSkeleton, StringComparison.Ordinal);
    }

    /// <summary>Optimal string alignment distance (edits, plus swapping two neighbours), giving up above <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        // Three rows of the dynamic-programming table, on the stack (names are short: at most a few hundred letters).
        var width = b.Length + 1;
        Span<int> table = width * 3 <= 1024 ? stackalloc int[width * 3] : new int[width * 3];
        var before = table[..width];
        var previous = table[width..(2 * width)];
        var current = table[(2 * width)..];
        for (var j = 0; j < width; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, before[j - 2] + 1);
                current[j] = value;
                best = Math.Min(best, value);
            }
            if (best > limit) return best;
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }

    private static string Unpunycode(string host)
    {
        try
        {
            return new IdnMapping().GetUnicode(host);
        }
        catch (ArgumentException)
        {
            return host;
        }
    }
}
