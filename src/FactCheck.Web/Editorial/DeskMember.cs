namespace FactCheck;

/// <summary>Someone an advisory can be assigned to: an enabled account with a back-office role.</summary>
public sealed record DeskMember(string Id, string Name, string Email);
