namespace FactCheck;

/// <summary>A <see cref="TextField"/> on its editor page (for the page's errors and language).</summary>
public sealed record EditorTextField(EditorPage Page, TextField Field);
