using System.Text;
using OtpNet;

namespace FactCheck;

/// <summary>
/// RFC 6238 time-based one-time codes as authenticator apps make them (HMAC-SHA1, 30-second steps,
/// 6 digits), computed and compared by Otp.NET. What stays ours is reading what people type.
/// </summary>
public static class Totp
{
    public const int Digits = 6;

    private static OtpNet.Totp For(byte[] key) => new(key, step: 30, mode: OtpHashMode.Sha1, totpSize: Digits);

    /// <summary>The code an authenticator app shows at <paramref name="time"/>.</summary>
    public static string Code(byte[] key, DateTimeOffset time) => For(key).ComputeTotp(time.UtcDateTime);

    /// <summary>
    /// The time step whose code equals <paramref name="code"/>, looking one step either side of now
    /// for clock drift, or null. Digits may be typed with spaces or hyphens, in any script's digits.
    /// The caller stores the step so that the code is accepted once (<see cref="SingleUseAuthenticatorTokenProvider"/>).
    /// </summary>
    public static long? MatchingStep(byte[] key, string? code, DateTimeOffset now) =>
        NormalizeCode(code) is { } digits && For(key).VerifyTotp(now.UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1))
            ? step
            : null;

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

    /// <summary>An authenticator key as Identity stores and shows it (RFC 4648 base32).</summary>
    public static byte[] KeyBytes(string base32) => Base32Encoding.ToBytes(base32.Replace(" ", "", StringComparison.Ordinal));
}
