namespace FactCheck;

/// <summary>One line of the audit log: who did what, when, and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>Null for anonymous events such as a failed sign-in with an unknown name.</summary>
    public string? UserId { get; set; }
    /// <summary>As it was at the time (or the name typed at a failed sign-in).</summary>
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    /// <summary>What it was done to, e.g. "advisory ar/telegram-code (id)" or "user x@example.org".</summary>
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? IpAddress { get; set; }
}
