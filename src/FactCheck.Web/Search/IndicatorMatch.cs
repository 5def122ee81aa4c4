namespace FactCheck;

/// <summary>A published advisory and the indicator of it that matched.</summary>
public sealed record IndicatorMatch(
    Guid AdvisoryId, string Title, string Language, string Slug, AdvisoryKind Kind, Rating? Rating,
    DateTime PublishedAt, DateTime UpdatedAt, IndicatorType Type, string Raw, string? TranslationKey = null);
