using Microsoft.EntityFrameworkCore;

namespace FactCheck;

/// <summary>Site-wide settings Admins change in the back-office, stored in the Settings table.</summary>
public sealed class BackOfficeSettings(AppDbContext db)
{
    public const string RequireTwoFactorKey = "require-two-factor";

    /// <summary>When true, Editors and Admins must enrol an authenticator app before using the back-office.</summary>
    public async Task<bool> RequireTwoFactorAsync() =>
        await db.Settings.Where(s => s.Key == RequireTwoFactorKey).Select(s => s.Value).FirstOrDefaultAsync() == "true";

    /// <summary>Stages the change; the caller saves it together with its audit entry.</summary>
    public async Task SetRequireTwoFactorAsync(bool value)
    {
        var setting = await db.Settings.FindAsync(RequireTwoFactorKey);
        if (setting is null) db.Settings.Add(new BackOfficeSetting { Key = RequireTwoFactorKey, Value = value ? "true" : "false" });
        else setting.Value = value ? "true" : "false";
    }
}
