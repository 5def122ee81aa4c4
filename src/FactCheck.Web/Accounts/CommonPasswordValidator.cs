using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace FactCheck;

/// <summary>
/// Refuses passwords from a list of 20,000 common ones (and the account's own e-mail address).
/// The list is the one Django ships (created by Royce Williams from breach corpora, BSD licence),
/// lower-cased, embedded gzipped; comparison ignores case and surrounding spaces.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<EditorUser>
{
    private static readonly Lazy<HashSet<string>> common = new(Load);

    public static bool IsCommon(string password) => common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<EditorUser> manager, EditorUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        var sameAsName = user.Email is { } email && string.Equals(password.Trim(), email, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(IsCommon(password) || sameAsName
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "This password is too common." })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt.gz")
            ?? throw new InvalidOperationException("common-passwords.txt.gz is not embedded");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Trim() is { Length: > 0 } word) set.Add(word.ToLowerInvariant());
        return set;
    }
}
