namespace FactCheck;

public enum CapMessageType { Alert, Update, Cancel }
