using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace FactCheck;

// Phone numbers, on Google's libphonenumber metadata (calling codes, trunk prefixes, lengths per country).
public static partial class IndicatorNormalizer
{
    static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Digits in <see cref="PhoneLookupKey"/>: every national form of a number ends with them.</summary>
    public const int PhoneLookupKeyLength = 7;

    // E.164 allows 15 digits; a national form adds a trunk prefix, a written international one "00".
    const int MaxPhoneDigits = 17;

    /// <summary>
    /// E.164 (<c>+447700900123</c>). "+" or "00" starts an international number; anything else is a
    /// national number of <paramref name="country"/> (its trunk prefix removed: 07700… in GB, 8 9… in
    /// RU). Numbers need only have a possible length for their country, not be in an allocated
    /// range: scammers use spoofed and fresh numbers, and fiction ranges such as 07700 900xxx exist.
    /// Labels around the number ("WhatsApp:", "اتصل على") and tel:/wa.me links are tolerated.
    /// </summary>
    static IndicatorNormalization NormalizePhone(string raw, string? country)
    {
        var text = FoldPhoneText(raw);
        var whatsApp = WhatsAppLink().Match(text);
        if (whatsApp.Success) text = "+" + whatsApp.Groups["digits"].Value;

        if (!TryPhoneDigits(text, out var digits, out var international)) return Fail("not a phone number");
        if (digits.Length > MaxPhoneDigits) return Fail("too long");

        string? region = null;
        if (!international)
        {
            if (string.IsNullOrWhiteSpace(country)) return Fail("national number needs a country");
            region = country.Trim().ToUpperInvariant();
            if (region == "UK") region = "GB";
            if (!Phones.GetSupportedRegions().Contains(region)) return Fail("unknown country");
        }

        PhoneNumber number;
        try
        {
            number = Phones.Parse(international ? "+" + digits : digits, region ?? "ZZ");
        }
        catch (NumberParseException e)
        {
            return Fail(e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "unknown calling code",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "too short",
                ErrorType.TOO_LONG => "too long",
                _ => "not a phone number",
            });
        }

        return Phones.IsPossibleNumberWithReason(number) switch
        {
            PhoneNumberUtil.ValidationResult.IS_POSSIBLE => Ok(StableE164(number)),
            PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => Fail("unknown calling code"),
            PhoneNumberUtil.ValidationResult.TOO_LONG => Fail("too long"),
            PhoneNumberUtil.ValidationResult.INVALID_LENGTH => Fail("wrong length"),
            _ => Fail("too short"),
        };
    }

    /// <summary>
    /// E.164 that normalizes to itself. For a few impossible-looking inputs (+49 0…) libphonenumber
    /// keeps a trunk zero on the first parse and drops it when parsing its own output; stored values
    /// and lookups must agree, so the output is re-parsed until it stops changing.
    /// </summary>
    static string StableE164(PhoneNumber number)
    {
        var e164 = Phones.Format(number, PhoneNumberFormat.E164);
        for (var round = 0; round < 3; round++)
        {
            try
            {
                var again = Phones.Parse(e164, "ZZ");
                if (Phones.IsPossibleNumberWithReason(again) != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) break;
                var next = Phones.Format(again, PhoneNumberFormat.E164);
                if (next == e164) break;
                e164 = next;
            }
            catch (NumberParseException)
            {
                break;
            }
        }
        return e164;
    }

    /// <summary>
    /// The suffix key of a phone indicator: its last <see cref="PhoneLookupKeyLength"/> digits (all of
    /// them when shorter). Digits of any script count; everything else is ignored.
    /// </summary>
    /// <remarks>
    /// <para>How the check feature finds a phone number — the same for stored values and queries:</para>
    /// <list type="number">
    /// <item>Stored phone indicators hold E.164 in <c>Indicator.Normalized</c> (indexed).</item>
    /// <item>A query from <see cref="Candidates"/> is either E.164 (the reader typed + or 00) or only
    /// digits (a national form such as 0501234567, or an international one without +, as in wa.me
    /// links), because without a country the calling code is unknown.</item>
    /// <item>Every form of one number ends with the same digits: the national significant number is
    /// a suffix of E.164 and every national form is a trunk prefix plus that number. So the lookup
    /// first narrows the table with <c>Normalized.EndsWith(PhoneLookupKey(candidate))</c> (a cheap
    /// string filter over the phone rows), then keeps the rows where
    /// <see cref="PhoneMatches"/>(row.Normalized, candidate) is true.</item>
    /// </list>
    /// <para>Numbers whose national significant number is shorter than the key (a few small
    /// countries) are found by their E.164 form only.</para>
    /// </remarks>
    public static string PhoneLookupKey(string normalizedOrDigits)
    {
        var digits = AsciiDigits(normalizedOrDigits ?? "");
        return digits.Length <= PhoneLookupKeyLength ? digits : digits[^PhoneLookupKeyLength..];
    }

    /// <summary>
    /// Whether <paramref name="candidate"/> is the number stored as <paramref name="stored"/> (E.164).
    /// An international candidate (+ or 00) must be the same E.164 number. A digits-only candidate
    /// matches when it is the stored number without "+", its national significant number, or a
    /// national form of the stored number's country (trunk prefix such as 0 or 8 removed by that
    /// country's rules). See <see cref="PhoneLookupKey"/> for the lookup this completes.
    /// </summary>
    public static bool PhoneMatches(string stored, string candidate)
    {
        if (string.IsNullOrWhiteSpace(stored) || string.IsNullOrWhiteSpace(candidate)) return false;
        var storedDigits = AsciiDigits(stored);
        var text = FoldPhoneText(candidate).Trim();
        if (!TryPhoneDigits(text, out var digits, out var international) || digits.Length < PhoneLookupKeyLength) return false;

        if (international)
        {
            var normalized = NormalizePhone(text, null);
            return normalized.IsValid ? normalized.Value == "+" + storedDigits : digits == storedDigits;
        }
        if (digits == storedDigits) return true;

        PhoneNumber number;
        try
        {
            number = Phones.Parse("+" + storedDigits, "ZZ");
        }
        catch (NumberParseException)
        {
            return false;
        }
        if (digits == Phones.GetNationalSignificantNumber(number)) return true;

        var region = Phones.GetRegionCodeForNumber(number);
        if (string.IsNullOrEmpty(region) || region == "ZZ") region = Phones.GetRegionCodeForCountryCode(number.CountryCode);
        if (region == "ZZ") return false;
        try
        {
            var national = Phones.Parse(digits, region);
            return national.CountryCode == number.CountryCode
                && Phones.GetNationalSignificantNumber(national) == Phones.GetNationalSignificantNumber(number);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Format characters removed, digits of every script folded to ASCII, full-width plus to "+".</summary>
    static string FoldPhoneText(string raw) =>
        FoldDigits(StripFormatCharacters(raw)).Replace('\uff0b', '+').Replace('\ufe62', '+');

    /// <summary>
    /// The digits of the one number in <paramref name="text"/>: from the first digit or "+" to the last
    /// digit only digits, "+" at the start, spaces, dashes, dots, slashes and brackets may occur.
    /// Text before and after is a label and ignored. A leading "00" means international.
    /// </summary>
    static bool TryPhoneDigits(string text, out string digits, out bool international)
    {
        digits = "";
        international = false;
        var start = text.IndexOfAny("+0123456789".ToCharArray());
        var end = text.AsSpan().LastIndexOfAnyInRange('0', '9');
        if (start < 0 || end < start) return false;

        var builder = new StringBuilder(end - start + 1);
        for (var i = start; i <= end; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c)) builder.Append(c);
            else if (c == '+' && i == start) international = true;
            else if (!IsPhoneSeparator(c)) return false;
        }
        digits = builder.ToString();
        if (!international && digits.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            digits = digits[2..];
        }
        return digits.Length > 0;

        static bool IsPhoneSeparator(char c) =>
            char.IsWhiteSpace(c) || c is '-' or '.' or '(' or ')' or '/' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';
    }

    static string AsciiDigits(string text)
    {
        var folded = FoldDigits(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiDigit(c)) builder.Append(c);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"(?:wa\.me/|whatsapp\.com/send/?\?(?:[^#]*&)?phone=)\+?(?<digits>\d{6,17})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatsAppLink();
}
