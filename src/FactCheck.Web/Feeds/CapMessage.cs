namespace FactCheck;

/// <summary>One message in an alert's CAP history.</summary>
/// <param name="Note">What changed: correction notes or the withdrawal reason.</param>
public sealed record CapMessage(string Identifier, DateTime Sent, CapMessageType Type, string? Note);
