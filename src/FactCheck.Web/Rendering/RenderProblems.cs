using System.Collections.Concurrent;

namespace FactCheck;

/// <summary>
/// Bodies that failed to render on this instance, until one renders again (after an edit). Kept in
/// memory: the failure repeats on every instance that renders the body, so each one knows.
/// </summary>
public sealed class RenderProblems
{
    private readonly ConcurrentDictionary<Guid, RenderProblem> problems = new();

    public IReadOnlyList<RenderProblem> Current => problems.Values.OrderByDescending(p => p.At).ToList();

    public void Report(Guid advisoryId, string title, string reason, DateTime at) =>
        problems[advisoryId] = new RenderProblem(advisoryId, title, reason, at);

    public void Resolved(Guid advisoryId)
    {
        if (!problems.IsEmpty) problems.TryRemove(advisoryId, out _);
    }
}
