using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FactCheck;

/// <summary>RFC 6238 time-based one-time codes as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan StepLength = TimeSpan.FromSeconds(30);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)StepLength.TotalSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The time step whose code equals <paramref name="code"/>, looking one step either side of now
    /// for clock drift, or null. Digits may be typed with spaces or hyphens, in any script's digits.
    /// </summary>
    public static long? MatchingStep(byte[] key, string? code, DateTimeOffset now)
    {
        var digits = NormalizeCode(code);
        if (digits is null) return null;
        var current = StepAt(now);
        for (var step = current - 1; step <= current + 1; step++)
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(digits)))
                return step;
        return null;
    }

    /// <summary>Six ASCII digits, or null. Arabic-Indic digits (٠١٢…) are accepted: Arabic keyboards type them.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (code is null) return null;
        var builder = new StringBuilder(Digits);
        foreach (var rune in code.EnumerateRunes())
        {
            if (rune.Value is ' ' or '-' || Rune.IsWhiteSpace(rune)) continue;
            var value = Rune.GetNumericValue(rune);
            if (!Rune.IsDigit(rune) || value is < 0 or > 9) return null;
            builder.Append((char)('0' + (int)value));
        }
        return builder.Length == Digits ? builder.ToString() : null;
    }

    /// <summary>RFC 4648 base32 (the form authenticator keys are shared in), padding and case ignored.</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ' or '-') continue;
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException("not base32");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. output];
    }
}
