namespace FactCheck;

/// <summary>The canonical form of an indicator, or why there is none.</summary>
/// <param name="Error">A short English message for editors and import logs ("empty", "too long", …).</param>
public readonly record struct IndicatorNormalization(string? Value, string? Error)
{
    public bool IsValid => Value is not null;
}
