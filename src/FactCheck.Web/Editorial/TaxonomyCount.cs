namespace FactCheck;

public sealed record TaxonomyCount<T>(T Item, int Advisories);
