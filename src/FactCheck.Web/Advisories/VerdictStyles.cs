using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>The stylesheet of the rating scale's colours and the version pages link it by.</summary>
public sealed partial class VerdictStyles(IServiceScopeFactory scopes, PublicContent content, TimeProvider clock)
{
    public const string BasePath = "/verdicts.css";

    /// <summary>Another instance may change the scale: without a change seen here, the stylesheet is read again after this.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private volatile Snapshot? current;

    private sealed record Snapshot(string Css, string Version, string ContentVersion, DateTimeOffset ReadAt);

    /// <summary>The address pages link: the stylesheet with its content hash.</summary>
    public async Task<string> PathAsync(CancellationToken cancellationToken = default) =>
        BasePath + "?v=" + (await CurrentAsync(cancellationToken)).Version;

    public async Task<(string Css, string Version)> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is null || snapshot.ContentVersion != content.Version || clock.GetUtcNow() - snapshot.ReadAt > Lifetime)
        {
            var contentVersion = content.Version;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var css = new StringBuilder();
            foreach (var rating in await db.Ratings.AsNoTracking().OrderBy(r => r.Position).ToListAsync(cancellationToken))
            {
                if (!Colour().IsMatch(rating.Colour) || !CssKey().IsMatch(rating.Key)) continue;
                css.Append(CultureInfo.InvariantCulture, $".verdict-{rating.Key}{{--verdict:{rating.Colour}}}\n");
            }
            var text = css.ToString();
            var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
            current = snapshot = new Snapshot(text, version, contentVersion, clock.GetUtcNow());
        }
        return (snapshot.Css, snapshot.Version);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CssKey();
}
