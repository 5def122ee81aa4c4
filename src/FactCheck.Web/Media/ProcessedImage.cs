namespace FactCheck;

public sealed record ProcessedImage(int Width, int Height, long PerceptualHash, IReadOnlyList<ImageVariant> Variants);
