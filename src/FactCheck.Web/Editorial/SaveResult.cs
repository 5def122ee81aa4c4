namespace FactCheck;

/// <param name="Current">On a conflict: the advisory as someone else saved it.</param>
public sealed record SaveResult(Outcome Outcome, Advisory? Advisory = null, FormErrors? Errors = null, AdvisoryContent? Current = null, int CurrentVersion = 0, string? CurrentBy = null);
