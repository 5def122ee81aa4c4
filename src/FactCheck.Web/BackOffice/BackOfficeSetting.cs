namespace FactCheck;

/// <summary>A site-wide setting an Admin changes in the back-office (e.g. "require two-factor").</summary>
public class BackOfficeSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
