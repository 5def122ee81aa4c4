using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// The private waiting room between upload and publication, in {DataPath}/staging (never served as
/// static files; the back-office streams the image to editors who may edit the advisory). Each upload
/// is {token}.png (upright, sRGB, no metadata, redactions burnt in as they are applied), {token}.json,
/// and {token}.original — the bytes as uploaded — only when Media:KeepOriginalsPath is set. Tokens are
/// 128 random bits. Stale uploads (an editor who closed the tab) are deleted by <see cref="CleanUp"/>.
/// </summary>
public sealed class ScreenshotStaging(IOptions<SiteOptions> site, MediaOptions options, TimeProvider clock)
{
    private static readonly JsonSerializerOptions json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string Folder => Path.Combine(site.Value.DataPath, "staging");

    public async Task<StagedUpload> CreateAsync(Guid advisoryId, int? replaces, string altText, string? caption, StagedImage image,
        IReadOnlyList<Redaction> earlier, byte[]? original, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var keepOriginal = original is not null && options.KeepOriginalsPath is { Length: > 0 };
        var staged = new StagedUpload(token, advisoryId, replaces, altText, caption, image.Width, image.Height, image.PerceptualHash,
            [.. earlier], keepOriginal, clock.GetUtcNow().UtcDateTime);
        await WriteAsideAsync(PathOf(token, ".png"), image.Png, cancellationToken);
        if (keepOriginal) await WriteAsideAsync(PathOf(token, ".original"), original!, cancellationToken);
        await SaveAsync(staged, cancellationToken);
        return staged;
    }

    /// <summary>The staged upload for this advisory, or null (unknown, expired, malformed token, or another advisory's).</summary>
    public async Task<StagedUpload?> FindAsync(Guid advisoryId, string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token) || !File.Exists(PathOf(token!, ".json")) || !File.Exists(PathOf(token!, ".png"))) return null;
        try
        {
            var staged = JsonSerializer.Deserialize<StagedUpload>(await File.ReadAllTextAsync(PathOf(token!, ".json"), cancellationToken), json);
            return staged?.AdvisoryId == advisoryId ? staged : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public Task<byte[]> ReadImageAsync(StagedUpload staged, CancellationToken cancellationToken = default) =>
        File.ReadAllBytesAsync(PathOf(staged.Token, ".png"), cancellationToken);

    public async Task<byte[]?> ReadOriginalAsync(StagedUpload staged, CancellationToken cancellationToken = default) =>
        staged.HasOriginal && File.Exists(PathOf(staged.Token, ".original")) ? await File.ReadAllBytesAsync(PathOf(staged.Token, ".original"), cancellationToken) : null;

    /// <summary>Replaces the staged image with its redacted version and records the rectangles.</summary>
    public async Task<StagedUpload> RedactedAsync(StagedUpload staged, byte[] png, IReadOnlyList<Redaction> redactions, CancellationToken cancellationToken = default)
    {
        await WriteAsideAsync(PathOf(staged.Token, ".png"), png, cancellationToken);
        var updated = staged with { Redactions = [.. staged.Redactions, .. redactions] };
        await SaveAsync(updated, cancellationToken);
        return updated;
    }

    public Task<StagedUpload> TextChangedAsync(StagedUpload staged, string altText, string? caption, CancellationToken cancellationToken = default) =>
        SaveAsync(staged with { AltText = altText, Caption = caption }, cancellationToken);

    public void Delete(string token)
    {
        if (!IsToken(token)) return;
        foreach (var extension in new[] { ".png", ".json", ".original", ".png.tmp", ".json.tmp", ".original.tmp" }) File.Delete(PathOf(token, extension));
    }

    /// <summary>Deletes staged uploads older than Media:StagingHours; returns how many files went.</summary>
    public int CleanUp()
    {
        if (!Directory.Exists(Folder)) return 0;
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(options.StagingHours);
        var deleted = 0;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc >= cutoff) continue;
            try { file.Delete(); deleted++; } catch (IOException) { /* being written right now: next round */ }
        }
        return deleted;
    }

    public static string ToJson(IReadOnlyList<Redaction> redactions) => JsonSerializer.Serialize(redactions, json);

    public static List<Redaction> FromJson(string? value) =>
        string.IsNullOrEmpty(value) ? [] : JsonSerializer.Deserialize<List<Redaction>>(value, json) ?? [];

    private async Task<StagedUpload> SaveAsync(StagedUpload staged, CancellationToken cancellationToken)
    {
        await WriteAsideAsync(PathOf(staged.Token, ".json"), System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(staged, json)), cancellationToken);
        return staged;
    }

    /// <summary>Written under a temporary name and renamed, so a crash mid-write never leaves half a file under the real name.</summary>
    private static async Task WriteAsideAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    private string PathOf(string token, string extension) => Path.Combine(Folder, token + extension);
}
