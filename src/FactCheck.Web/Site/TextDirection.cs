namespace FactCheck;

public enum TextDirection { Ltr, Rtl }
