namespace FactCheck;

/// <param name="Candidates">What the input was read as: (type, normalized value) pairs.</param>
/// <param name="Matches">Published advisories listing one of them, newest first; one entry per advisory.</param>
public sealed record IndicatorCheckResult(IReadOnlyList<(IndicatorType Type, string Value)> Candidates, IReadOnlyList<IndicatorMatch> Matches);
