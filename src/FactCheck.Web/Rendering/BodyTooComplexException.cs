namespace FactCheck;

/// <summary>A body beyond what the renderer will do for one advisory (<see cref="MarkdownRenderer.MaxBlocks"/>).</summary>
public sealed class BodyTooComplexException(string message) : InvalidOperationException(message);
