namespace FactCheck;

/// <summary>
/// An upload waiting for its redactions: the metadata-free PNG the editor marks up, and what they typed.
/// <paramref name="Replaces"/> is set when an existing screenshot is being redacted again.
/// </summary>
public sealed record StagedUpload(
    string Token, Guid AdvisoryId, int? Replaces, string AltText, string? Caption,
    int Width, int Height, long PerceptualHash, List<Redaction> Redactions, bool HasOriginal, DateTime CreatedAt);
