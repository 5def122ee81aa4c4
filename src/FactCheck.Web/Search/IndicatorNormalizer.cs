namespace FactCheck;

public readonly record struct IndicatorNormalization(string? Value, string? Error)
{
    public bool IsValid => Value is not null;
}

/// <summary>Canonical forms of indicators. (Placeholder.)</summary>
public static class IndicatorNormalizer
{
    public static IndicatorNormalization Normalize(IndicatorType type, string raw, string? country = null) =>
        string.IsNullOrWhiteSpace(raw) ? new(null, "empty") : new(raw.Trim().ToLowerInvariant(), null);

    /// <summary>How the indicator is shown to readers: links and domains defanged, never clickable.</summary>
    public static string Display(IndicatorType type, string raw) => raw;
}
