namespace FactCheck;

public sealed record RegistryResult(Outcome Outcome, RegistryEntry? Entry = null, FormErrors? Errors = null);
