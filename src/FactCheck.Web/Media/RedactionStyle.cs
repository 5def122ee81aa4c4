namespace FactCheck;

public enum RedactionStyle { BlackBox, Pixelate }
