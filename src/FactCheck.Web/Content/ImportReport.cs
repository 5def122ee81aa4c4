namespace FactCheck;

public sealed record ImportReport(int Imported, IReadOnlyList<ContentError> Errors);
