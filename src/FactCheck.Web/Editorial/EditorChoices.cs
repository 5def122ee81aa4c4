namespace FactCheck;

/// <summary>What the editor's selects offer: the rating scale, the platform list, and for "same story in another language" the current link and the advisories found.</summary>
public sealed record EditorChoices(IReadOnlyList<Rating> Ratings, IReadOnlyList<Platform> Platforms, IReadOnlyList<TranslationChoice> Translations);
