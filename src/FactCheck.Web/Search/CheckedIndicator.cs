namespace FactCheck;

/// <summary>What the check looked for, shown to the reader as we understood their input.</summary>
public sealed record CheckedIndicator(IndicatorType Type, string Display);
