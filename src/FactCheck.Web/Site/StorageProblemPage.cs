namespace FactCheck;

/// <summary>The back-office page for storage trouble: what happened, and the sent form, ready to send again.</summary>
public sealed class StorageProblemPage : AdminPage
{
    public required string Message { get; init; }
    /// <summary>Where "Try again" posts (the failed POST's own address), or null after a GET.</summary>
    public string? Action { get; init; }
    /// <summary>Where to start again when the form cannot be sent again from here (it needed a password).</summary>
    public string? Back { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>Fields worth showing, not only carrying: text someone typed (a title, a body, a note).</summary>
    public IEnumerable<KeyValuePair<string, string>> Typed =>
        Fields.Where(f => f.Value.Length >= 20 || f.Value.Contains('\n', StringComparison.Ordinal));
}
