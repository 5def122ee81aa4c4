namespace FactCheck;

/// <param name="Length">The real byte length of the file on disk.</param>
public sealed record FeedImage(string Url, string ContentType, long Length, int Width, int Height, string AltText, string? Caption = null);
