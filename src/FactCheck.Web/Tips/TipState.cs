namespace FactCheck;

public enum TipState { New, Drafted, Dismissed }
