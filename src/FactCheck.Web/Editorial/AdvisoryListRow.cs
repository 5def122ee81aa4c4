namespace FactCheck;

/// <summary>One advisory in the back-office list.</summary>
public sealed record AdvisoryListRow(Guid Id, string Title, string Language, AdvisoryKind Kind, AdvisoryStatus Status, DateTime UpdatedAt,
    string? RatingKey, string? AssigneeName);
