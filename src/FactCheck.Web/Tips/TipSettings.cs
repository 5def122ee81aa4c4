using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>How long tips are kept (an Admin setting, stored in the Settings table).</summary>
public sealed class TipSettings(AppDbContext db)
{
    public const string RetentionKey = "tip-retention-days";
    public const int DefaultRetentionDays = 90;
    public const int MaxRetentionDays = 3650;

    public async Task<int> RetentionDaysAsync(CancellationToken cancellationToken = default) =>
        int.TryParse(await db.Settings.Where(s => s.Key == RetentionKey).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken),
            NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxRetentionDays ? days : DefaultRetentionDays;

    /// <summary>Stages the change; the caller saves it with its audit entry.</summary>
    public async Task SetRetentionDaysAsync(int days)
    {
        var value = days.ToString(CultureInfo.InvariantCulture);
        var setting = await db.Settings.FindAsync(RetentionKey);
        if (setting is null) db.Settings.Add(new BackOfficeSetting { Key = RetentionKey, Value = value });
        else setting.Value = value;
    }
}
