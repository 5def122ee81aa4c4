using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace FactCheck;

/// <summary>
/// Per-client limits on the public forms that cost us something (a stored tip, an OCR run), by client
/// address — behind a proxy that needs ASPNETCORE_FORWARDEDHEADERS_ENABLED (README). No third-party
/// captcha: a limit, size caps and a honeypot field keep the cheap abuse out without tracking readers.
/// </summary>
public sealed class ReaderLimits(IOptions<TipOptions> options)
{
    private readonly PartitionedRateLimiter<string> tips = PerHour(options.Value.TipsPerClientPerHour);
    private readonly PartitionedRateLimiter<string> screenshots = PerHour(options.Value.ScreenshotChecksPerClientPerHour);

    public bool TryTip(HttpContext context) => tips.AttemptAcquire(Client(context)).IsAcquired;

    public bool TryScreenshot(HttpContext context) => screenshots.AttemptAcquire(Client(context)).IsAcquired;

    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static PartitionedRateLimiter<string> PerHour(int permits) =>
        PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));
}
