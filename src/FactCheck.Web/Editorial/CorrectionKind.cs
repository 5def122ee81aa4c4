namespace FactCheck;

public enum CorrectionKind { Correction, Update }
