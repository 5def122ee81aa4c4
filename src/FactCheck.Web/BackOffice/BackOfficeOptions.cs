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
    /// This instance's name in the scheduler's lease (ScheduledPublisher.Holder). Unique per instance and
    /// stable across restarts; the default (machine name and a hash of folders and addresses) suits one
    /// machine, but containers that get a new host name on every start should set it.
    /// </summary>
    public string? InstanceName { get; set; }
    /// <summary>How long the editor's preview of a body may take before the editor is told it took too long (any Contributor can ask for one).</summary>
    public TimeSpan PreviewTimeLimit { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>
    /// PBKDF2 (HMAC-SHA512) iterations for password hashes: at least 210,000 (OWASP's figure for
    /// SHA-512; the framework default is 100,000).
    /// </summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
