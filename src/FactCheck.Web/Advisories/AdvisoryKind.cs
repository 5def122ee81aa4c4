namespace FactCheck;

public enum AdvisoryKind { FactCheck, Alert, Explainer }
