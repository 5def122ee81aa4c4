using MailKit.Security;

namespace FactCheck;

/// <summary>The "Mail" settings: an SMTP server for replies to readers. Without a host, readers are not offered a reply.</summary>
public sealed class MailOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>MailKit's choice: Auto, None, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender address, e.g. "FactCheck &lt;desk@factcheck.example&gt;".</summary>
    public string? From { get; set; }
    /// <summary>How often due replies are sent.</summary>
    public int IntervalSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
