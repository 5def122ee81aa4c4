namespace FactCheck;

/// <summary>An upload checked and decoded: the upright sRGB pixels as a lossless, metadata-free PNG, kept private until redacted.</summary>
public sealed record StagedImage(int Width, int Height, long PerceptualHash, byte[] Png);
