namespace FactCheck;

public enum DiffKind { Same, Added, Removed }
