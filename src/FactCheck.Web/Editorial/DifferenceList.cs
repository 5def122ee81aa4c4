namespace FactCheck;

/// <summary>Differences as Areas/Admin/Views/Shared/_Differences.cshtml shows them; <paramref name="Language"/> of the compared text, when known.</summary>
public sealed record DifferenceList(IReadOnlyList<FieldDifference> Items, int HeadingLevel, string? Language = null);
