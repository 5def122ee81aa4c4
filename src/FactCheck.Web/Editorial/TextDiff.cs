using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>Readable differences between two versions of an advisory: field by field, long texts line by line.</summary>
public static class TextDiff
{
    /// <summary>Above this many line pairs the diff stops looking for common lines (whole blocks removed and added instead).</summary>
    private const long MaxCells = 4_000_000;

    /// <summary>
    /// The fields that differ. <paramref name="shown"/> turns a stored value into what people read (a verdict's
    /// key "scam" into its label), field by field; values are compared as stored.
    /// </summary>
    public static IReadOnlyList<FieldDifference> Compare(AdvisoryContent before, AdvisoryContent after, Func<string, string, string>? shown = null)
    {
        shown ??= (_, value) => value;
        return before.Fields().Zip(after.Fields())
            .Where(pair => pair.First.Value != pair.Second.Value)
            .Select(pair => (pair.First.Field, Before: shown(pair.First.Field, pair.First.Value), After: shown(pair.First.Field, pair.Second.Value)))
            .Select(d => new FieldDifference(d.Field, d.Before, d.After, Lines(d.Before, d.After)))
            .ToList();
    }

    /// <summary>Field values as an editor reads them in <paramref name="language"/>: labels for keys of the rating scale, platforms and lists of choices.</summary>
    public static Func<string, string, string> Shown(IReadOnlyList<Rating> ratings, IReadOnlyList<Platform> platforms, IStringLocalizer text, SiteLanguage language) =>
        (field, value) => value.Length == 0 ? value : field switch
        {
            "Admin.Field.Rating" => ratings.FirstOrDefault(r => r.Key == value)?.Label(language.Code) ?? value,
            "Admin.Field.Platforms" => string.Join('\n', value.Split('\n').Select(key => platforms.FirstOrDefault(p => p.Key == key)?.Name ?? key)),
            "Admin.Field.Kind" => text[$"Kind.{value}"],
            "Admin.Field.Severity" => text[$"Severity.{value}"],
            "Admin.Field.ClaimantKind" => text[$"Admin.Field.ClaimantKind.{value}"],
            "Admin.Field.Status" => text[$"Admin.Status.{value}"],
            "Admin.Field.Language" => SiteLanguage.Find(value)?.NativeName ?? value,
            _ => value,
        };

    /// <summary>A line diff (longest common subsequence), with unchanged lines kept for context.</summary>
    public static IReadOnlyList<DiffLine> Lines(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a.Take(prefix).Select(l => new DiffLine(DiffKind.Same, l)));
        var oldMiddle = a[prefix..(a.Length - suffix)];
        var newMiddle = b[prefix..(b.Length - suffix)];
        if ((long)oldMiddle.Length * newMiddle.Length > MaxCells)
        {
            result.AddRange(oldMiddle.Select(l => new DiffLine(DiffKind.Removed, l)));
            result.AddRange(newMiddle.Select(l => new DiffLine(DiffKind.Added, l)));
        }
        else result.AddRange(Middle(oldMiddle, newMiddle));
        result.AddRange(a.Skip(a.Length - suffix).Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    private static List<DiffLine> Middle(string[] a, string[] b)
    {
        // lengths[i, j] = LCS length of a[i..] and b[j..]
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { lines.Add(new(DiffKind.Same, a[x])); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) lines.Add(new(DiffKind.Removed, a[x++]));
            else lines.Add(new(DiffKind.Added, b[y++]));
        }
        while (x < a.Length) lines.Add(new(DiffKind.Removed, a[x++]));
        while (y < b.Length) lines.Add(new(DiffKind.Added, b[y++]));
        return lines;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
