namespace FactCheck;

public enum Severity { Low, Medium, High, Critical }
