namespace FactCheck;

/// <summary>A problem in a content file, reported as "file:line: message".</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
