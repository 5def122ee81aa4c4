namespace FactCheck;

public sealed record CorrectionEntry(string AdvisoryTitle, string AdvisoryPath, CorrectionKind Kind, string Note, DateTime PublishedAt);
