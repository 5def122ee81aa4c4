namespace FactCheck;

public sealed record DiffLine(DiffKind Kind, string Text);
