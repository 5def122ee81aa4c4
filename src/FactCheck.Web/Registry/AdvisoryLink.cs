namespace FactCheck;

/// <summary>A published advisory, as a link.</summary>
public sealed record AdvisoryLink(Guid Id, string Title, string Path, string Language, AdvisoryKind Kind, Rating? Rating, DateTime PublishedAt);
