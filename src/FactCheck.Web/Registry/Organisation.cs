namespace FactCheck;

/// <summary>An organisation whose official channels the registry lists (a ministry, a bank).</summary>
public class Organisation
{
    public int Id { get; set; }
    /// <summary>Stable key for exports and URLs ("mod-ukraine").</summary>
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Website { get; set; }
}
