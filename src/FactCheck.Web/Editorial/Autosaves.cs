using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Keeps, finds and forgets <see cref="Autosave"/> records.</summary>
public sealed class Autosaves(AppDbContext db, TimeProvider clock)
{
    public const string NewPrefix = "new:";
    /// <summary>Twice the longest form the rules allow is far beyond anything typed; more is refused (413).</summary>
    public const int MaxFormLength = 1_000_000;
    /// <summary>Unsaved new advisories kept per editor; older ones go (the newest is offered on "New advisory").</summary>
    private const int NewKept = 5;

    public static string KeyOf(Guid advisoryId) => advisoryId.ToString("N");

    /// <summary>A key for a new advisory's form, or null when <paramref name="draftKey"/> is not one we hand out (32 hex digits).</summary>
    public static string? KeyOfNew(string? draftKey) =>
        draftKey is { Length: 32 } && draftKey.All(char.IsAsciiHexDigitLower) ? NewPrefix + draftKey : null;

    public static string NewDraftKey() => Guid.NewGuid().ToString("N");

    /// <summary>Stores the form as typed; returns when, or null when it is too long to keep.</summary>
    public async Task<DateTime?> SaveAsync(string userId, string key, Guid? advisoryId, AdvisoryForm form)
    {
        var json = JsonSerializer.Serialize(form);
        if (json.Length > MaxFormLength) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Autosaves.FirstOrDefaultAsync(a => a.UserId == userId && a.Key == key);
            if (row is null) db.Autosaves.Add(row = new Autosave { UserId = userId, Key = key, AdvisoryId = advisoryId });
            (row.BaseVersion, row.SavedAt, row.Form) = (form.Version, now, json);
            try
            {
                await db.SaveChangesAsync();
                break;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The same editor's other tab inserted it first: update that row instead.
                db.ChangeTracker.Clear();
            }
        }
        if (advisoryId is null)
        {
            var older = await db.Autosaves.Where(a => a.UserId == userId && a.AdvisoryId == null)
                .OrderByDescending(a => a.SavedAt).Skip(NewKept).ToListAsync();
            db.Autosaves.RemoveRange(older);
            await db.SaveChangesAsync();
        }
        return now;
    }

    public Task<Autosave?> FindAsync(string userId, string key) =>
        db.Autosaves.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Key == key);

    /// <summary>This editor's most recent unsaved new advisory, if any.</summary>
    public Task<Autosave?> LatestNewAsync(string userId) =>
        db.Autosaves.AsNoTracking().Where(a => a.UserId == userId && a.AdvisoryId == null)
            .OrderByDescending(a => a.SavedAt).FirstOrDefaultAsync();

    /// <summary>Saved for real, or discarded: the copy goes.</summary>
    public async Task ForgetAsync(string userId, string? key)
    {
        if (key is null) return;
        await db.Autosaves.Where(a => a.UserId == userId && a.Key == key).ExecuteDeleteAsync();
    }
}
