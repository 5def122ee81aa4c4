using System.Security.Claims;

namespace FactCheck;

/// <summary>
/// Writes audit entries (docs/security.md, "Audit log"). <see cref="Add"/> only stages the entry, so it
/// commits or rolls back together with the editor action it describes; sign-in events, which have no
/// other change to ride on, use <see cref="WriteAsync"/>.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(AuditAction action, string? target = null, string? detail = null, EditorUser? actor = null, string? actorName = null)
    {
        var context = http.HttpContext;
        var principal = context?.User;
        var signedIn = principal?.Identity?.IsAuthenticated == true;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = actor?.Id ?? (signedIn ? principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null),
            UserName = Cut(actor?.Email ?? actorName ?? (signedIn ? principal!.Identity!.Name : null), 256),
            Action = action,
            Target = Cut(target, 400),
            Detail = Cut(detail, 1000),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    public async Task WriteAsync(AuditAction action, string? target = null, string? detail = null, EditorUser? actor = null, string? actorName = null)
    {
        Add(action, target, detail, actor, actorName);
        await db.SaveChangesAsync();
    }

    public static string Describe(Advisory advisory) => $"{advisory.Language}/{advisory.Slug} ({advisory.Id})";

    private static string? Cut(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
