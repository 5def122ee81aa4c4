namespace FactCheck;

public sealed record CorrectionRow(Guid AdvisoryId, string AdvisoryTitle, string Language, CorrectionKind Kind, string Note, DateTime PublishedAt);
