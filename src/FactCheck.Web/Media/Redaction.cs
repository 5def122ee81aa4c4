namespace FactCheck;

/// <summary>A rectangle to hide, in pixels of the upright (orientation-applied) image.</summary>
public sealed record Redaction(int X, int Y, int Width, int Height, RedactionStyle Style);
