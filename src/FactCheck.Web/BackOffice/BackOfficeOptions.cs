namespace FactCheck;

/// <summary>The "BackOffice" configuration section.</summary>
public class BackOfficeOptions
{
    /// <summary>Sign-in form posts allowed per client address per minute; more get 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;
    /// <summary>Failed passwords in a row before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>How often the scheduler looks for advisories due to be published.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>
    /// PBKDF2 (HMAC-SHA512) iterations for password hashes: at least 210,000 (OWASP's figure for
    /// SHA-512; the framework default is 100,000).
    /// </summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
