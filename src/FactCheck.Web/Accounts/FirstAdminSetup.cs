using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace FactCheck;

/// <summary>
/// The one-time token in the setup link printed at first start, while no account exists. It lives only
/// in memory: a restart prints a new one, and creating the first administrator ends it.
/// There is never a default password (docs/security.md).
/// </summary>
public sealed class FirstAdminSetup
{
    private readonly Lock gate = new();
    private byte[]? tokenHash;

    public string CreateToken()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        lock (gate) tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        return token;
    }

    public bool IsValid(string? token)
    {
        lock (gate)
            return tokenHash is not null && token is { Length: > 0 and < 100 } &&
                   CryptographicOperations.FixedTimeEquals(tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Ends the token; true only for the one caller that held a valid token.</summary>
    public bool Consume(string token)
    {
        lock (gate)
        {
            if (!IsValid(token)) return false;
            tokenHash = null;
            return true;
        }
    }
}
