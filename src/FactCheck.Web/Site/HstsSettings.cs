namespace FactCheck;

/// <summary>
/// The "Site:Hsts" section: Strict-Transport-Security, sent on HTTPS responses outside Development so that
/// browsers never try plain HTTP again (the back-office cookie is Secure; readers are spared a downgrade).
/// Not preloaded by default: preloading covers every subdomain and takes months to undo (docs/security.md).
/// </summary>
public class HstsSettings
{
    public bool Enabled { get; set; } = true;
    public int MaxAgeDays { get; set; } = 365;
    public bool IncludeSubDomains { get; set; }
    public bool Preload { get; set; }
}
