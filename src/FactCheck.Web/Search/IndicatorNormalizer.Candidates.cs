using System.Text;
using System.Text.RegularExpressions;

namespace FactCheck;

// The "check this" box: untyped input, possibly a whole pasted message.
public static partial class IndicatorNormalizer
{
    /// <summary>Longest input <see cref="Candidates"/> looks at; longer input gives no candidates.</summary>
    public const int MaxCheckInputLength = 2000;

    // A pasted message rarely holds more indicators; the cap bounds the lookups one request can cause.
    const int MaxCandidates = 30;

    /// <summary>
    /// Every normalized value worth looking up for what a reader pasted, without knowing its type:
    /// <list type="bullet">
    /// <item>a link: the URL (with https and http when no scheme was written) and its domain;</item>
    /// <item>a host with a dot and a plausible top-level domain: domain and URL;</item>
    /// <item><c>@name</c>, t.me links and a lone word shaped like a username: a handle
    /// (t.me links also as URL, but not the t.me domain, which every Telegram link shares);</item>
    /// <item><c>a@b.c</c>: the e-mail and its domain;</item>
    /// <item>digits: a phone — E.164 when written with + or 00, otherwise only the digits, since a
    /// national form cannot be placed without a country (see <see cref="PhoneLookupKey"/>);
    /// wa.me links also give their phone number;</item>
    /// <item>a crypto address: a wallet.</item>
    /// </list>
    /// Defanged, full-width and Arabic-Indic forms and bidi marks are handled as in <see cref="Normalize"/>.
    /// </summary>
    public static IReadOnlyList<(IndicatorType Type, string Value)> Candidates(string input) =>
        Extract(input, MaxCheckInputLength, MaxCandidates);

    /// <summary>Longest pasted message (a forwarded chat or an e-mail) <see cref="MessageCandidates"/> reads.</summary>
    public const int MaxMessageLength = 10_000;

    const int MaxMessageCandidates = 100;

    /// <summary>
    /// Every phone, link, domain, e-mail, handle and wallet in a whole pasted message, read as
    /// <see cref="Candidates"/> reads the check box (a lone word is not taken for a username here).
    /// Handles written with letters of other scripts (<c>@rеserveplusbot</c> with a Cyrillic "е") are kept
    /// as typed, lowercased: they match nothing, but the look-alike check (<see cref="LookAlikes"/>) needs them.
    /// </summary>
    public static IReadOnlyList<(IndicatorType Type, string Value)> MessageCandidates(string message) =>
        Extract(message, MaxMessageLength, MaxMessageCandidates);

    static IReadOnlyList<(IndicatorType Type, string Value)> Extract(string input, int maxLength, int maxCandidates)
    {
        var found = new List<(IndicatorType Type, string Value)>();
        if (string.IsNullOrWhiteSpace(input) || input.Length > maxLength || HasUnpairedSurrogates(input)) return found;
        var visible = string.Concat(input.Select(c => char.IsControl(c) && c != '\n' ? ' ' : c));
        if (!TryNormalizeKc(StripFormatCharacters(visible), out var text)) return found;
        text = Refang(text);

        void Add(IndicatorType type, IndicatorNormalization normalized)
        {
            if (normalized.Value is { Length: <= MaxNormalizedLength } value && found.Count < maxCandidates && !found.Contains((type, value)))
                found.Add((type, value));
        }

        // Web-shaped words are taken out (replaced by a barrier) before digits are read as phones,
        // so digits inside links and addresses are not mistaken for numbers.
        var rest = new StringBuilder();
        var words = 0;
        string? onlyWord = null;
        foreach (var line in text.Split('\n'))
        {
            foreach (var token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var word = token.Trim(WordPunctuation).TrimEnd('.', ':');
                words++;
                onlyWord = word;
                rest.Append(AddWebCandidates(word, Add) ? " | " : " " + token);
            }
            rest.Append(" | ");
        }

        foreach (Match match in PhoneLike().Matches(FoldDigits(rest.ToString())))
        {
            var digits = AsciiDigits(match.Value);
            if (digits.Length is < PhoneLookupKeyLength or > MaxPhoneDigits) continue;
            var international = match.Value.StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal);
            var e164 = international ? NormalizePhone(match.Value, null) : default;
            Add(IndicatorType.Phone, e164.IsValid ? e164 : Ok(international ? digits.TrimStart('0') : digits));
        }

        if (words == 1 && onlyWord is not null)
        {
            if (BareUsername().IsMatch(onlyWord)) Add(IndicatorType.Handle, NormalizeHandle(onlyWord));
            else Add(IndicatorType.Handle, LookAlikeHandle(onlyWord));
        }
        return found;
    }

    /// <summary>
    /// A username with letters outside ASCII, which no messenger allows in real handles: kept (lowercased)
    /// only so the look-alike check can compare it with official ones.
    /// </summary>
    static IndicatorNormalization LookAlikeHandle(string name) =>
        LooseUsername().IsMatch(name) && name.Any(c => c > '\u007f') && name.Any(char.IsAsciiLetter)
            ? Ok("@" + name.ToLowerInvariant())
            : Fail("not a handle");

    static readonly char[] WordPunctuation =
        ['"', '\'', '“', '”', '„', '‘', '’', '«', '»', '(', ')', '<', '>', '{', '}', ',', ';', '!', '?', '،', '؛', '؟', '*'];

    /// <summary>Adds the candidates of one whitespace-delimited word; true when it was web-shaped.</summary>
    static bool AddWebCandidates(string word, Action<IndicatorType, IndicatorNormalization> add)
    {
        if (word.Length < 3) return false;

        if (TryTelegramPath(word, out var telegramPath))
        {
            var handle = NormalizeHandle(word);
            add(IndicatorType.Handle, handle.IsValid ? handle : LookAlikeHandle(telegramPath.Split('/', '?', '#')[0]));
            AddUrls(word, add);
            return true;
        }

        var hasScheme = UrlScheme().IsMatch(word);
        if (!hasScheme && word.Contains('@', StringComparison.Ordinal))
        {
            if (word.StartsWith('@'))
            {
                var handle = NormalizeHandle(word);
                if (!handle.IsValid) handle = LookAlikeHandle(word[1..]);
                add(IndicatorType.Handle, handle);
                return handle.IsValid;
            }
            var email = NormalizeEmail(word);
            if (!email.IsValid) return false;
            add(IndicatorType.Email, email);
            add(IndicatorType.Domain, NormalizeDomain(email.Value![(email.Value!.LastIndexOf('@') + 1)..]));
            return true;
        }

        if (hasScheme || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || LooksLikeHost(word))
        {
            var domain = NormalizeDomain(word);
            if (!AddUrls(word, add) && !domain.IsValid) return false;
            add(IndicatorType.Domain, domain);
            var whatsApp = WhatsAppLink().Match(word);
            if (whatsApp.Success) add(IndicatorType.Phone, NormalizePhone("+" + whatsApp.Groups["digits"].Value, null));
            return true;
        }

        var wallet = WalletShape().IsMatch(word) ? NormalizeWallet(word) : default;
        add(IndicatorType.Wallet, wallet);
        return wallet.IsValid;
    }

    /// <summary>The URL as written; when no scheme was written, both the https and the http form.</summary>
    static bool AddUrls(string word, Action<IndicatorType, IndicatorNormalization> add)
    {
        if (UrlScheme().IsMatch(word) || word.StartsWith("//", StringComparison.Ordinal))
        {
            var url = NormalizeUrl(word);
            add(IndicatorType.Url, url);
            return url.IsValid;
        }
        var https = NormalizeUrl("https://" + word);
        add(IndicatorType.Url, https);
        add(IndicatorType.Url, NormalizeUrl("http://" + word));
        return https.IsValid;
    }

    /// <summary>
    /// A host with a dot and a plausible top-level domain (letters only, at least two, or punycode),
    /// optionally followed by a port and a path. Keeps "3.14", "v2.0" and "e.g." out.
    /// </summary>
    static bool LooksLikeHost(string word)
    {
        var end = word.IndexOfAny(['/', '?', '#', ':']);
        var host = (end < 0 ? word : word[..end]).TrimEnd('.');
        var dot = host.LastIndexOf('.');
        if (dot <= 0) return false;
        var tld = host[(dot + 1)..];
        var plausibleTld = tld.StartsWith("xn--", StringComparison.OrdinalIgnoreCase) || (tld.Length >= 2 && tld.All(char.IsLetter));
        return plausibleTld && host.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
    }

    // Digits with single separators between them, optionally after "+" and an opening bracket.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:\+\s?)?\(?\d(?:[ \-./()\u2010-\u2015\u2212]{0,2}\d)+")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex BareUsername();

    [GeneratedRegex(@"^[\p{L}\p{N}_.]{3,64}$")]
    private static partial Regex LooseUsername();

    // Shapes of common addresses, so that ordinary long words are not offered as wallets:
    // Bitcoin legacy/P2SH and bech32, Ethereum-style hex (also BSC, Polygon…), Tron.
    [GeneratedRegex(@"^(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}|bc1[02-9ac-hj-np-z]{11,87}|0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33})$")]
    private static partial Regex WalletShape();
}
