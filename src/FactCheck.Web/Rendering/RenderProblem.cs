namespace FactCheck;

/// <summary>An advisory whose body could not be rendered, as the dashboard lists it.</summary>
public sealed record RenderProblem(Guid AdvisoryId, string Title, string Reason, DateTime At);
