namespace FactCheck;

public sealed record RevisionRow(int Number, DateTime SavedAt, string SavedByName, RevisionReason Reason, string? Note, int? RestoredFromNumber);
