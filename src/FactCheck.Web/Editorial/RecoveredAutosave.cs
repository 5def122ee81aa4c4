namespace FactCheck;

/// <summary>An autosaved copy shown in the editor: when it was kept, and whether the advisory was saved again since (then saving it shows both, as a conflict).</summary>
public sealed record RecoveredAutosave(DateTime SavedAt, bool ChangedSince);
