namespace FactCheck;

/// <summary>One field that differs between two versions of an advisory.</summary>
public sealed record FieldDifference(string Field, string Before, string After, IReadOnlyList<DiffLine> Lines);
