namespace FactCheck;

/// <param name="Problem">For <see cref="Outcome.Invalid"/>: a resource key saying why.</param>
public sealed record TransitionResult(Outcome Outcome, string? Problem = null);
