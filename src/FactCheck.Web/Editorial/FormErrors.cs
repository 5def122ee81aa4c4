namespace FactCheck;

/// <summary>Validation messages keyed by the name of the input they belong to ("Title", "Indicators[2].Value").</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> byField = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, string> ByField => byField;
    public bool Any => byField.Count > 0;
    public string? For(string field) => byField.GetValueOrDefault(field);
    public void Add(string field, string message) => byField.TryAdd(field, message);
}
