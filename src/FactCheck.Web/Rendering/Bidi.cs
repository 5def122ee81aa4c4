using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace FactCheck;

/// <summary>
/// Direction isolation for text shown in pages (docs/rtl-and-text.md). Inside Arabic text a phone
/// number, URL, e-mail, handle or Latin brand name is wrapped in <c>&lt;bdi dir="ltr"&gt;</c>, and inside
/// Ukrainian or English text an Arabic phrase is wrapped in <c>&lt;bdi dir="rtl"&gt;</c>, so each keeps its
/// own visual order and does not drag the punctuation and numbers around it along.
/// </summary>
/// <remarks>
/// Markup rather than the Unicode isolates (LRI/RLI … PDI), as W3C advises for HTML: the isolate
/// characters are invisible but real, so they travel with a phone number or URL that a reader copies
/// into a dialer, a search box or a chat and break it there; they also hide in editors and diffs.
/// <c>&lt;bdi&gt;</c> isolates in every current browser and leaves the copied text clean.
/// <see cref="PlainText"/> uses the Unicode isolates for the places where markup is impossible
/// (<c>&lt;title&gt;</c>, attribute values, feed titles).
/// </remarks>
public static partial class Bidi
{
    private const char LeftToRightIsolate = '\u2066';
    private const char RightToLeftIsolate = '\u2067';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>The text, HTML-encoded by the page's encoder, with runs of the other direction isolated.</summary>
    public static IHtmlContent Text(string? text, TextDirection context)
    {
        var content = new HtmlContentBuilder();
        if (string.IsNullOrEmpty(text)) return content;
        Walk(text, context,
            plain: part => content.Append(part),
            open: direction => content.AppendHtml(direction == TextDirection.Rtl ? "<bdi dir=\"rtl\">" : "<bdi dir=\"ltr\">"),
            close: () => content.AppendHtml("</bdi>"));
        return content;
    }

    /// <summary>
    /// The text with runs of the other direction between Unicode isolates (LRI/RLI … PDI), for plain-text
    /// places where no markup is possible: <c>&lt;title&gt;</c>, attribute values, feed titles. Not encoded.
    /// </summary>
    public static string PlainText(string? text, TextDirection context)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var result = new StringBuilder(text.Length + 8);
        Walk(text, context,
            plain: part => result.Append(part),
            open: direction => result.Append(direction == TextDirection.Rtl ? RightToLeftIsolate : LeftToRightIsolate),
            close: () => result.Append(PopDirectionalIsolate));
        return result.ToString();
    }

    /// <summary>
    /// A localized sentence that names a title ("We have withdrawn “{0}”."): the sentence encoded, the title
    /// isolated like any other text (<see cref="Text"/>) and quoted once (<see cref="ForQuoting"/>).
    /// </summary>
    public static IHtmlContent Format(string format, string title, SiteLanguage language)
    {
        var content = new HtmlContentBuilder();
        var at = format.IndexOf("{0}", StringComparison.Ordinal);
        if (at < 0) return content.Append(format);
        var text = ForQuoting(title, language);
        // The title may be in another language than the sentence (an Arabic advisory in the English back-office).
        var own = Prevailing(text) ?? language.Direction;
        return content.Append(format[..at])
            .AppendHtml(own == TextDirection.Rtl ? "<bdi dir=\"rtl\">" : "<bdi dir=\"ltr\">").AppendHtml(Text(text, own)).AppendHtml("</bdi>")
            .Append(format[(at + 3)..]);
    }

    /// <summary><see cref="Format"/> for plain-text places (<c>&lt;title&gt;</c>, back-office headings): the title between Unicode isolates.</summary>
    public static string PlainFormat(string format, string title, SiteLanguage language)
    {
        var text = ForQuoting(title, language);
        var own = Prevailing(text) ?? language.Direction;
        var isolated = (own == TextDirection.Rtl ? RightToLeftIsolate : LeftToRightIsolate) + PlainText(text, own) + PopDirectionalIsolate;
        return format.Replace("{0}", isolated, StringComparison.Ordinal);
    }

    /// <summary>
    /// The title ready to stand inside the sentence's own quotation marks, so a reader never sees «««…»»:
    /// marks that enclose the whole title go (the sentence supplies them), and marks inside it become the
    /// language's inner quotation marks — «دعم Reserve+» على Telegram inside «…» reads “دعم Reserve+” على Telegram.
    /// </summary>
    public static string ForQuoting(string title, SiteLanguage language)
    {
        var text = title.Trim();
        while (text.Length >= 2 && QuotePairs.Any(pair => text[0] == pair.Open && text[^1] == pair.Close) && EnclosesWhole(text))
            text = text[1..^1].Trim();
        var (outerOpen, outerClose, innerOpen, innerClose) = language.Code switch
        {
            "en" => ('“', '”', '‘', '’'),
            "uk" => ('«', '»', '„', '“'),
            _ => ('«', '»', '“', '”'),
        };
        return text.Replace(outerOpen, innerOpen).Replace(outerClose, innerClose);
    }

    private static readonly (char Open, char Close)[] QuotePairs = [('«', '»'), ('“', '”'), ('„', '“'), ('"', '"'), ('‹', '›'), ('\'', '\'')];

    /// <summary>True when the first quotation mark closes at the very end: «a» and «b» is two quotes, not one.</summary>
    private static bool EnclosesWhole(string text)
    {
        var (open, close) = QuotePairs.First(pair => text[0] == pair.Open && text[^1] == pair.Close);
        if (open == close) return text.Count(c => c == open) == 2;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == open) depth++;
            else if (text[i] == close && --depth == 0) return i == text.Length - 1;
        }
        return false;
    }

    /// <summary>
    /// <see cref="PlainText"/> as a paragraph of its own direction, for plain text shown inside someone else's
    /// interface (a feed reader's list is left to right whatever the item's language): the whole text between
    /// an isolate of <paramref name="direction"/>, and the names and numbers inside it isolated in turn.
    /// </summary>
    public static string PlainParagraph(string? text, TextDirection direction) =>
        string.IsNullOrEmpty(text) ? "" : (direction == TextDirection.Rtl ? RightToLeftIsolate : LeftToRightIsolate) + PlainText(text, direction) + PopDirectionalIsolate;

    /// <summary>The direction of the first strong letter (what <c>dir="auto"</c> does), or null when there is none.</summary>
    public static TextDirection? FirstStrong(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (var rune in text.EnumerateRunes())
        {
            if (TextFolding.IsStrongRtl(rune)) return TextDirection.Rtl;
            if (TextFolding.IsStrongLtr(rune)) return TextDirection.Ltr;
        }
        return null;
    }

    /// <summary>
    /// The direction most words of the text are written in, or null when there are no words or as many
    /// of each. URLs, e-mail addresses and handles do not count: they are LTR in any language.
    /// </summary>
    /// <remarks>
    /// Unlike <see cref="FirstStrong"/> this is right for Arabic prose that starts with a brand
    /// ("iPhone 15 متوفر الآن", "WhatsApp يحذر …") and for English that quotes an Arabic word first.
    /// </remarks>
    public static TextDirection? Prevailing(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var classes = Classify(text);
        int rtlWords = 0, ltrWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int rtl = 0, ltr = 0;
            var atomic = false;
            for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
            {
                switch (classes[i])
                {
                    case CharClass.Rtl: rtl++; break;
                    case CharClass.Ltr: ltr++; break;
                    case CharClass.Atomic: atomic = true; break;
                }
            }
            if (atomic) continue;
            if (rtl > ltr) rtlWords++;
            else if (ltr > rtl) ltrWords++;
        }
        if (rtlWords == ltrWords) return null;
        return rtlWords > ltrWords ? TextDirection.Rtl : TextDirection.Ltr;
    }

    /// <summary>
    /// Splits <paramref name="text"/> into plain parts and isolated runs: <paramref name="open"/> and
    /// <paramref name="close"/> bracket each run (runs nest at most once: a phone number inside an Arabic
    /// phrase inside English text). Text wholly in the context direction comes back as one plain part.
    /// </summary>
    internal static void Walk(string text, TextDirection context, Action<string> plain, Action<TextDirection> open, Action close) =>
        WalkRange(text, Classify(text), 0, text.Length, context, plain, open, close);

    private static void WalkRange(string text, CharClass[] classes, int start, int end, TextDirection context,
        Action<string> plain, Action<TextDirection> open, Action close)
    {
        var position = start;
        var inner = context == TextDirection.Rtl ? TextDirection.Ltr : TextDirection.Rtl;
        // Left-to-right text (the page's, or an isolated run) may hold an Arabic-Indic phone number: see IsolateDigitGroups.
        void Plain(int from, int to)
        {
            if (context == TextDirection.Ltr) IsolateDigitGroups(text, from, to, plain, open, close);
            else plain(text[from..to]);
        }
        foreach (var (runStart, runEnd) in Runs(text, classes, start, end, context))
        {
            if (runStart > position) Plain(position, runStart);
            open(inner);
            // An Arabic phrase inside LTR text may hold a phone number that needs isolating in turn.
            // LTR runs inside RTL text hold no RTL letters (a URL with an Arabic path is kept whole), so they end here.
            if (inner == TextDirection.Rtl) WalkRange(text, classes, runStart, runEnd, inner, plain, open, close);
            else IsolateDigitGroups(text, runStart, runEnd, plain, open, close);
            close();
            position = runEnd;
        }
        if (position < end) Plain(position, end);
    }

    /// <summary>
    /// Arabic-Indic digits (U+0660–U+0669) are "Arabic numbers" to the bidi algorithm, and the spaces between
    /// two such groups resolve to right-to-left even inside a left-to-right isolate: "+٤٤ ٧٧٠٠ ٩٠٠٥١٧" shows as
    /// "+٩٠٠٥١٧ ٧٧٠٠ ٤٤". When [from, to) holds two or more groups of them, each group is isolated on its
    /// own: the spaces then stand between neutral isolates and take the surrounding left-to-right direction.
    /// </summary>
    private static void IsolateDigitGroups(string text, int from, int to, Action<string> plain, Action<TextDirection> open, Action close)
    {
        var groups = ArabicDigitGroups(text, from, to);
        if (groups.Count < 2)
        {
            plain(text[from..to]);
            return;
        }
        var position = from;
        foreach (var (groupStart, groupEnd) in groups)
        {
            if (groupStart > position) plain(text[position..groupStart]);
            open(TextDirection.Ltr);
            plain(text[groupStart..groupEnd]);
            close();
            position = groupEnd;
        }
        if (position < to) plain(text[position..to]);
    }

    private static List<(int Start, int End)> ArabicDigitGroups(string text, int from, int to)
    {
        var groups = new List<(int, int)>();
        var i = from;
        while (i < to)
        {
            if (!IsArabicIndicDigit(text[i])) { i++; continue; }
            var start = i;
            // A decimal or thousands separator between digits belongs to the number: ١٬٥٠٠ and ٣٫٥.
            while (i < to && (IsArabicIndicDigit(text[i]) || (text[i] is '\u066B' or '\u066C' && i + 1 < to && IsArabicIndicDigit(text[i + 1])))) i++;
            groups.Add((start, i));
        }
        return groups;
    }

    private static bool IsArabicIndicDigit(char c) => c is >= '\u0660' and <= '\u0669';

    /// <summary>The runs in [start, end) that read in the direction opposite to <paramref name="context"/>.</summary>
    private static List<(int Start, int End)> Runs(string text, CharClass[] classes, int start, int end, TextDirection context)
    {
        var runs = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            // A candidate is a stretch holding no letter of the context direction; RTL punctuation (، ؛ ؟)
            // also ends it inside RTL text, so "WhatsApp، Telegram" stays two names in an Arabic list.
            var candidateStart = i;
            while (i < end && !EndsCandidate(classes[i], context)) i++;
            var candidateEnd = i;
            if (i < end) i++;

            var (s, e) = context == TextDirection.Rtl
                ? TrimToLtrRun(text, classes, candidateStart, candidateEnd)
                : TrimToRtlRun(classes, candidateStart, candidateEnd);
            if (s >= e) continue;
            if (context == TextDirection.Rtl && !HasLetters(classes, s, e) && !LooksLikePhoneNumber(text.AsSpan(s, e - s))) continue;
            (s, e) = IncludeMatchingBrackets(text, s, e, candidateStart, candidateEnd);
            runs.Add((s, e));
        }
        return runs;
    }

    private static bool EndsCandidate(CharClass c, TextDirection context) => context == TextDirection.Rtl
        ? c is CharClass.Rtl or CharClass.RtlPunctuation
        : c is CharClass.Ltr or CharClass.Atomic;

    /// <summary>From the first LTR letter, digit or "+digit" to the last LTR letter or digit: spaces and punctuation at the edges belong to the RTL text.</summary>
    private static (int, int) TrimToLtrRun(string text, CharClass[] classes, int start, int end)
    {
        var s = start;
        while (s < end && !(IsLtrOrDigit(classes[s]) || (text[s] == '+' && s + 1 < end && classes[s + 1] == CharClass.Digit))) s++;
        var e = end;
        while (e > s && !IsLtrOrDigit(classes[e - 1])) e--;
        // A sign written onto a name or number belongs to it: "Reserve+", "Резерв+", "C#", "#1234".
        if (e > s)
        {
            while (e < end && AttachedSigns.Contains(text[e], StringComparison.Ordinal)) e++;
            while (s > start && AttachedSigns.Contains(text[s - 1], StringComparison.Ordinal)) s--;
        }
        return (s, e);
    }

    /// <summary>Signs that are part of a name, handle or number when written against it with no space.</summary>
    private const string AttachedSigns = "+#@";

    /// <summary>From the first to the last RTL letter: numbers after an Arabic word belong to the LTR sentence ("اتصل 3 times").</summary>
    private static (int, int) TrimToRtlRun(CharClass[] classes, int start, int end)
    {
        var s = start;
        while (s < end && classes[s] != CharClass.Rtl) s++;
        var e = end;
        while (e > s && classes[e - 1] != CharClass.Rtl) e--;
        return (s, e);
    }

    private static bool IsLtrOrDigit(CharClass c) => c is CharClass.Ltr or CharClass.Atomic or CharClass.Digit;

    private static bool HasLetters(CharClass[] classes, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (classes[i] is CharClass.Ltr or CharClass.Atomic) return true;
        }
        return false;
    }

    /// <summary>
    /// Numbers alone read fine inside Arabic ("3 رسائل", "10:30 - 11:00" reads right to left as Arabic
    /// does, "2024-03-05" and "050-123-4567" hold together by themselves); a phone number in groups does
    /// not: "+966 11 234 5678" would show as "5678 234 11 966+". So digits only are isolated when they
    /// look like such a phone number: a leading "+", or at least six digits in groups split by spaces or
    /// parentheses (hyphens and dots may appear too), and nothing else.
    /// </summary>
    private static bool LooksLikePhoneNumber(ReadOnlySpan<char> run)
    {
        if (run.Length > 1 && run[0] == '+') return true;
        var digits = 0;
        var grouped = false;
        foreach (var c in run)
        {
            if (char.IsDigit(c)) digits++;
            else if (c is ' ' or '\u00A0' or '(' or ')') grouped = true;
            else if (c is not ('-' or '.')) return false;
        }
        return grouped && digits >= 6;
    }

    /// <summary>"(050) 123 4567" and "&lt;script&gt;" keep both brackets inside or both outside the run.</summary>
    private static (int, int) IncludeMatchingBrackets(string text, int start, int end, int limitStart, int limitEnd)
    {
        foreach (var (opening, closing) in new[] { ('(', ')'), ('[', ']'), ('{', '}'), ('<', '>') })
        {
            var depth = 0;
            var unmatchedClosing = 0;
            for (var i = start; i < end; i++)
            {
                if (text[i] == opening) depth++;
                else if (text[i] == closing)
                {
                    if (depth > 0) depth--;
                    else unmatchedClosing++;
                }
            }
            if (depth > 0 && end < limitEnd && text[end] == closing) end++;
            if (unmatchedClosing > 0 && start > limitStart && text[start - 1] == opening) start--;
        }
        return (start, end);
    }

    private enum CharClass : byte { Neutral, Rtl, Ltr, Digit, RtlPunctuation, Atomic }

    /// <summary>One class per UTF-16 unit (both halves of a surrogate pair get the rune's class).</summary>
    private static CharClass[] Classify(string text)
    {
        var classes = new CharClass[text.Length];
        var index = 0;
        var previous = CharClass.Neutral;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var c = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                ? previous // a combining mark belongs to its letter: "é" in "café", harakat on Arabic letters
                : TextFolding.IsStrongRtl(rune) ? CharClass.Rtl
                : TextFolding.IsStrongLtr(rune) ? CharClass.Ltr
                : Rune.IsDigit(rune) ? CharClass.Digit
                : rune.Value is >= 0x0600 and <= 0x06FF or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF ? CharClass.RtlPunctuation
                : CharClass.Neutral;
            for (var k = 0; k < rune.Utf16SequenceLength; k++) classes[index + k] = c;
            index += rune.Utf16SequenceLength;
            previous = c;
        }
        MarkAtomicTokens(text, classes);
        return classes;
    }

    /// <summary>
    /// URLs, domains, e-mail addresses and @handles are LTR as a whole, even when a path holds Arabic
    /// ("example.com/ar/مقال"): they are marked so a run never splits them.
    /// </summary>
    private static void MarkAtomicTokens(string text, CharClass[] classes)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var end = i;
            while (start < end && LeadingPunctuation.Contains(text[start], StringComparison.Ordinal)) start++;
            while (end > start && TrailingPunctuation.Contains(text[end - 1], StringComparison.Ordinal)) end--;
            if (end > start && AtomicToken().IsMatch(text.AsSpan(start, end - start)))
            {
                Array.Fill(classes, CharClass.Atomic, start, end - start);
            }
        }
    }

    private const string LeadingPunctuation = "([{«‹\"'“‘<";
    private const string TrailingPunctuation = ".,;:!?)]}»›\"'”’>،؛؟…";

    [GeneratedRegex("""
        ^(?:
            [a-z][a-z0-9+.-]*://\S+            # URL with a scheme
          | (?:mailto|tel):\S+
          | www\.\S+
          | [^@\s]+@[^@\s]+\.[^@\s]+           # e-mail address
          | @[a-z0-9_.]{2,}                    # handle
          | (?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?\#:]\S*)?   # domain, with or without a path
        )$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex AtomicToken();
}
