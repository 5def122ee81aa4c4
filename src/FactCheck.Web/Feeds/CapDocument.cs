namespace FactCheck;

/// <summary>A complete CAP message ready to write.</summary>
/// <param name="References">Earlier messages of the same alert, oldest first (required for Update and Cancel).</param>
public sealed record CapDocument(
    string Sender, CapMessage Message, IReadOnlyList<CapMessage> References, IReadOnlyList<CapInfo> Infos);
