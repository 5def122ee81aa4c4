namespace FactCheck;

/// <summary>One encoded rendition, ready to be stored under its content-hash name.</summary>
public sealed record ImageVariant(string ContentType, string Extension, int Width, int Height, byte[] Bytes);
