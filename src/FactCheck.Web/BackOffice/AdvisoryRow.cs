namespace FactCheck;

/// <summary>One advisory in a back-office list.</summary>
public sealed record AdvisoryRow(Guid Id, string Title, string Language, AdvisoryKind Kind, AdvisoryStatus Status, DateTime? When);
