namespace FactCheck;

/// <summary>A messenger, service or brand a scam runs on or impersonates (a managed list).</summary>
public class Platform
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    /// <summary>The name in English, and in any language without a name of its own (brand names often are the same).</summary>
    public string Name { get; set; } = "";
    public string? NameAr { get; set; }
    public string? NameUk { get; set; }
    /// <summary>
    /// The name as readers also write it, one per line (واتساب, واتس اب, Ватсап): a search for any of them
    /// finds what the others find (<see cref="PlatformEquivalents"/>).
    /// </summary>
    public string Equivalents { get; set; } = "";
    public List<Advisory> Advisories { get; set; } = [];

    public IEnumerable<string> EquivalentNames =>
        Equivalents.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string NameIn(string language) => language switch
    {
        "ar" => NameAr ?? Name,
        "uk" => NameUk ?? Name,
        _ => Name,
    };
}
