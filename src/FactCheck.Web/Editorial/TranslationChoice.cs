namespace FactCheck;

public sealed record TranslationChoice(string Value, string Language, string Title);
