namespace FactCheck;

/// <summary>How much a reader may send in one tip (the form says so; the server refuses more).</summary>
public static class TipLimits
{
    public const int MaxTextLength = 10_000;
    public const int MaxContactLength = 300;
    public const int MaxScreenshotTextLength = 8_000;
}
