namespace FactCheck;

/// <param name="Path">Site-relative; the layout makes it absolute.</param>
public sealed record SharingImage(string Path, string ContentType, int Width, int Height, string Alt);
