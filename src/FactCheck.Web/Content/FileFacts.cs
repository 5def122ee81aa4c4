namespace FactCheck;

/// <summary>What a content file says beyond the <see cref="AdvisoryContent"/>: identity and dates of publication.</summary>
public sealed record FileFacts(Guid Id, DateTime? Published, DateTime? Updated);
