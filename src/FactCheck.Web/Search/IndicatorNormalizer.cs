using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactCheck;

/// <summary>
/// Canonical forms of indicators, so that the same scam number, link or handle matches however it
/// was written: in an advisory, in the scam message itself, or in a reader's "check this" box.
/// Input is untrusted text, often copied out of Arabic messages: bidi marks, Arabic-Indic digits,
/// full-width characters and defanged links are all expected. Bad input gives an
/// <see cref="IndicatorNormalization.Error"/>, never an exception.
/// </summary>
/// <remarks>
/// Split by indicator type: phones (IndicatorNormalizer.Phone.cs, on libphonenumber), web
/// indicators — URLs, domains, e-mails, handles (IndicatorNormalizer.Web.cs), and the untyped
/// "check" input (IndicatorNormalizer.Candidates.cs).
/// </remarks>
public static partial class IndicatorNormalizer
{
    /// <summary>Longest canonical value; the database column holds this many characters.</summary>
    public const int MaxNormalizedLength = 500;

    // Refused before any parsing; leaves room for defanging brackets and tracking parameters.
    const int MaxRawLength = 2 * MaxNormalizedLength;

    public static IndicatorNormalization Normalize(IndicatorType type, string raw, string? country = null)
    {
        if (string.IsNullOrWhiteSpace(raw)) return Fail("empty");
        if (raw.Length > MaxRawLength) return Fail("too long");
        if (HasControlCharacters(raw)) return Fail("control characters");
        if (HasUnpairedSurrogates(raw)) return Fail("invalid text");

        var result = type switch
        {
            IndicatorType.Phone => NormalizePhone(raw, country),
            IndicatorType.Url => NormalizeUrl(raw),
            IndicatorType.Domain => NormalizeDomain(raw),
            IndicatorType.Email => NormalizeEmail(raw),
            IndicatorType.Handle => NormalizeHandle(raw),
            IndicatorType.Wallet => NormalizeWallet(raw),
            _ => Fail("unknown type"),
        };
        return result.Value is { Length: > MaxNormalizedLength } ? Fail("too long") : result;
    }

    /// <summary>
    /// How the indicator is shown to readers: links, domains and e-mails defanged
    /// (<c>hxxps://evil[.]example/login</c>) so that no page, copy or feed reader turns them into a
    /// clickable scam link; phones as typed with digits folded to ASCII. Bidi controls are removed
    /// everywhere: an RLO inside a URL would display it reversed.
    /// </summary>
    public static string Display(IndicatorType type, string raw)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var text = ReplaceControlCharacters(StripFormatCharacters(raw)).Trim();
        if (type is IndicatorType.Phone) return FoldDigits(text);
        if (type is IndicatorType.Wallet) return text;

        var web = Refang(TryNormalizeKc(text, out var folded) ? folded : text);
        return type switch
        {
            IndicatorType.Url => DefangUrl(web),
            IndicatorType.Domain => DefangDots(web),
            IndicatorType.Email => DefangEmail(web),
            IndicatorType.Handle => web.Contains('/', StringComparison.Ordinal) ? DefangUrl(web) : web,
            _ => web,
        };
    }

    static IndicatorNormalization Fail(string error) => new(null, error);

    static IndicatorNormalization Ok(string value) => new(value, null);

    static IndicatorNormalization NormalizeWallet(string raw)
    {
        // Addresses are case-sensitive (base58, checksummed hex), so only the packaging is removed:
        // a payment-URI scheme ("bitcoin:") and its parameters.
        var text = StripFormatCharacters(raw).Trim();
        if (!TryNormalizeKc(text, out text)) return Fail("invalid text");
        var scheme = WalletUriScheme().Match(text);
        if (scheme.Success) text = text[scheme.Length..];
        var end = text.IndexOfAny(['?', '@']);
        if (end >= 0) text = text[..end];
        return WalletAddress().IsMatch(text) ? Ok(text) : Fail("not a wallet address");
    }

    // --- text cleaning shared by all types -------------------------------------------------------

    /// <summary>Control characters other than line breaks and tabs: never part of a real indicator.</summary>
    static bool HasControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return true;
        }
        return false;
    }

    /// <summary>Broken UTF-16 (half of a surrogate pair), which text APIs reject or garble.</summary>
    static bool HasUnpairedSurrogates(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return true;
        }
        return false;
    }

    static string ReplaceControlCharacters(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = char.IsControl(source[i]) ? ' ' : source[i];
        });
    }

    /// <summary>
    /// Removes invisible format characters (Unicode Cf): LRM, RLM, ALM, the embeddings and overrides
    /// (LRE…RLO), the isolates (LRI…PDI), zero-width spaces and joiners, BOM, soft hyphen. Text copied
    /// from Arabic messages carries them around numbers and links; they never change the indicator.
    /// </summary>
    static string StripFormatCharacters(string text)
    {
        if (!text.Any(IsFormat)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsFormat(c)) builder.Append(c);
        }
        return builder.ToString();

        static bool IsFormat(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;
    }

    /// <summary>Every decimal digit (Arabic-Indic ٠–٩, Persian ۰–۹, full-width, Devanagari…) to ASCII.</summary>
    internal static string FoldDigits(string text)
    {
        if (!text.Any(IsNonAsciiDigit)) return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = IsNonAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });

        static bool IsNonAsciiDigit(char c) => c > '\u007f' && char.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>NFKC folds full-width letters, digits and punctuation (ｅｖｉｌ．ｃｏｍ) to ASCII; fails on broken UTF-16.</summary>
    static bool TryNormalizeKc(string text, out string normalized)
    {
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            normalized = text;
            return false;
        }
    }

    static bool ContainsWhitespace(string text) => text.Any(char.IsWhiteSpace);

    /// <summary>
    /// Undoes the usual defanging of threat-intel and fact-check write-ups: hxxp(s), [.] (.) {.} [dot],
    /// [:] [://], [at] (at) [@], and a backslash before a dot.
    /// </summary>
    static string Refang(string text)
    {
        text = DefangedScheme().Replace(text, m => m.Groups["ftp"].Success ? "ftp" : "http" + m.Groups["s"].Value);
        text = DefangedColon().Replace(text, "$1");
        text = DefangedDot().Replace(text, ".");
        text = DefangedAt().Replace(text, "@");
        return text.Replace("\\.", ".", StringComparison.Ordinal);
    }

    static string DefangDots(string text) => text.Replace(".", "[.]", StringComparison.Ordinal);

    static string DefangUrl(string text)
    {
        var prefix = "";
        var scheme = UrlScheme().Match(text);
        if (scheme.Success)
        {
            var name = scheme.Groups["scheme"].Value.ToLowerInvariant() switch
            {
                "http" => "hxxp",
                "https" => "hxxps",
                "ftp" => "fxp",
                var other => other,
            };
            prefix = name + "://";
            text = text[scheme.Length..];
        }
        else if (text.StartsWith("//", StringComparison.Ordinal))
        {
            prefix = "//";
            text = text[2..];
        }
        var end = text.IndexOfAny(['/', '?', '#', '\\']);
        var authority = end < 0 ? text : text[..end];
        var rest = end < 0 ? "" : text[end..];
        // A link inside the query (redirectors) must not become clickable either.
        rest = EmbeddedHttp().Replace(rest, "hxxp$1://");
        return prefix + DefangDots(authority) + rest;
    }

    static string DefangEmail(string text)
    {
        var at = text.LastIndexOf('@');
        return at < 0 ? DefangDots(text) : text[..(at + 1)] + DefangDots(text[(at + 1)..]);
    }

    [GeneratedRegex(@"\bh(?:xx|\*\*|\[tt\]|\[t\]t)p(?<s>s?)(?=[\[(]?:)|\b(?<ftp>fxp)(?=[\[(]?:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefangedScheme();

    [GeneratedRegex(@"[\[(](:(?://)?)[\])]")]
    private static partial Regex DefangedColon();

    [GeneratedRegex(@"\s?[\[({]\s*(?:\.|dot)\s*[\])}]\s?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefangedDot();

    [GeneratedRegex(@"\s?[\[({]\s*(?:@|at)\s*[\])}]\s?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefangedAt();

    [GeneratedRegex(@"^(?<scheme>[a-z][a-z0-9+.\-]*)://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"\bhttp(s?)://", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedHttp();

    [GeneratedRegex(@"^[a-z][a-z0-9.\-]{1,30}:(?=[A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WalletUriScheme();

    // Bitcoin (base58 and bech32), Ethereum-style hex, Tron, Solana, Monero, Cardano…: all alphanumeric.
    [GeneratedRegex(@"^[A-Za-z0-9]{20,128}$")]
    private static partial Regex WalletAddress();
}
