namespace FactCheck;

/// <summary>
/// A problem with a piece of content: the field it belongs to, named as the editor's input is
/// ("Title", "Indicators[2].Value"), and a resource key for the message with its arguments.
/// </summary>
public sealed record ContentProblem(string Field, string Message, params object[] Arguments);
