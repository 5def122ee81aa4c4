using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Starts, checks and ends <see cref="EditorSession"/>s (the sign-in manager and the cookie's validation call it).</summary>
public sealed class EditorSessions(AppDbContext db, TimeProvider clock, ILogger<EditorSessions> logger)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string Claim = "session";
    /// <summary>As long as the sign-in cookie lives without a request (BackOfficeSetup sets the same).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromHours(10);
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<string> StartAsync(string userId, HttpContext? http)
    {
        var session = new EditorSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            UserId = userId,
            CreatedAt = Now,
            LastSeenAt = Now,
            IpAddress = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = SafeText.Clean(http?.Request.Headers.UserAgent.ToString(), allowLineBreaks: false) is { Length: > 0 } agent ? agent[..Math.Min(agent.Length, 300)] : null,
        };
        db.EditorSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>The live session of <paramref name="userId"/> named by <paramref name="principal"/>, or null.</summary>
    public async Task<EditorSession?> LiveAsync(ClaimsPrincipal? principal, string? userId)
    {
        if (principal?.FindFirstValue(Claim) is not { Length: 32 } id || userId is null) return null;
        var idleSince = Now - IdleLimit;
        return await db.EditorSessions.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince);
    }

    /// <summary>Cookie validation: refuses a cookie whose session has ended, and notes that the session is in use.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<EditorSessions>();
        var session = await sessions.LiveAsync(context.Principal, context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier));
        if (session is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await sessions.TouchAsync(session);
    }

    /// <summary>Moves "last seen" on, at most once a minute; a database that cannot be written right now does not stop the request.</summary>
    private async Task TouchAsync(EditorSession session)
    {
        if (Now - session.LastSeenAt < TouchInterval) return;
        try
        {
            await db.EditorSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, Now));
        }
        catch (Exception e) when (StorageProblems.IsStorage(e))
        {
            logger.LogWarning("Could not note that session {Session} is in use: {Problem}", session.Id[..8], e.Message);
        }
    }

    /// <summary>Security-stamp validation rebuilds the principal on every request; the session claim must come along.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(Claim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == Claim))
            identity.AddClaim(new Claim(Claim, claim.Value));
        return Task.CompletedTask;
    }

    /// <summary>Sessions not ended and not idle too long, newest first.</summary>
    public Task<List<EditorSession>> ListLiveAsync(string userId)
    {
        var idleSince = Now - IdleLimit;
        return db.EditorSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.CreatedAt).ToListAsync();
    }

    /// <summary>Ends one session (<paramref name="sessionId"/>) or all of a user's; returns how many ended.</summary>
    public Task<int> EndAsync(string userId, string? sessionId, string endedBy) =>
        db.EditorSessions.Where(s => s.UserId == userId && s.EndedAt == null && (sessionId == null || s.Id == sessionId))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, Now).SetProperty(s => s.EndedBy, endedBy));
}
