namespace FactCheck;

/// <summary>An upload or content image we refuse. The message is English (logs, content import); <see cref="Values"/> fill the localized one.</summary>
public sealed class MediaRejectedException(MediaProblem problem, string message, params object[] values) : Exception(message)
{
    public MediaProblem Problem { get; } = problem;
    public IReadOnlyList<object> Values { get; } = values;
}
