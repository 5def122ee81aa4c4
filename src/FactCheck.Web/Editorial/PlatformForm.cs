namespace FactCheck;

/// <summary>A platform's form as typed (a refused value comes back as it was entered).</summary>
public sealed class PlatformForm
{
    /// <summary>Only when adding; blank makes it from the English name.</summary>
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? NameAr { get; set; }
    public string? NameUk { get; set; }
    /// <summary>Other ways readers write the name, one per line (<see cref="Platform.Equivalents"/>).</summary>
    public string? Equivalents { get; set; }

    public static PlatformForm Of(Platform platform) =>
        new() { Name = platform.Name, NameAr = platform.NameAr, NameUk = platform.NameUk, Equivalents = platform.Equivalents };

    /// <summary>The equivalents as stored: one per line, trimmed, each once.</summary>
    public string EquivalentsText() =>
        string.Join('\n', (Equivalents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal));
}
