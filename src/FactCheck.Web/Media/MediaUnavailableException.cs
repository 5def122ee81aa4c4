namespace FactCheck;

/// <summary>Image processing is not available on this machine (libvips could not be loaded).</summary>
public sealed class MediaUnavailableException(string message) : Exception(message);
