using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FactCheck;

/// <summary>
/// Every change editors make to the registry, each one transaction with a revision of the entry, an audit
/// entry and the version check (two editors changing one entry: the second is told). Committed changes
/// reach readers at once (public caches and the allowlist are dropped).
/// </summary>
public sealed class RegistryEditing(
    AppDbContext db, RegistryRevisions revisions, AuditLog audit, PublicContent publicContent, OfficialChannels officials,
    TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RegistryResult> CreateAsync(EntryForm form, Actor actor)
    {
        var errors = new FormErrors();
        IndicatorType type = default;
        if (!Enum.TryParse(form.Type, out type) || !Enum.IsDefined(type) || int.TryParse(form.Type, out _))
            errors.Add(nameof(form.Type), text["Admin.Editor.Error.Choice"]);
        var raw = form.Value?.Trim() ?? "";
        var country = Blank(form.Country)?.ToUpperInvariant();
        var normalized = errors.Any ? default : IndicatorNormalizer.Normalize(type, raw, country);
        if (!errors.Any && !normalized.IsValid)
            errors.Add(nameof(form.Value), string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.IndicatorInvalid"], text[$"Indicator.{type}"]));
        Text(errors, nameof(form.Label), form.Label, 200);
        var status = await CheckStatusAsync(form.Status, errors, "Status.");
        if (errors.Any) return new RegistryResult(Outcome.Invalid, Errors: errors);

        if (await db.RegistryEntries.FirstOrDefaultAsync(e => e.Type == type && e.Value == normalized.Value) is { } existing)
        {
            errors.Add(nameof(form.Value), text["Admin.Registry.Error.Exists"]);
            return new RegistryResult(Outcome.Conflict, existing, errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entry = new RegistryEntry
        {
            Type = type, Value = normalized.Value!, Label = Blank(form.Label), CreatedAt = Now, UpdatedAt = Now, Version = 1,
            PhoneKey = type == IndicatorType.Phone ? IndicatorNormalizer.PhoneLookupKey(normalized.Value!) : null,
        };
        if (status is not null) entry.History.Add(Stamp(status, actor));
        db.RegistryEntries.Add(entry);
        await db.SaveChangesAsync();
        return await CommitAsync(transaction, entry, actor, AuditAction.RegistryEntryCreated, status is null ? "created" : $"created: {status.Status}");
    }

    public Task<RegistryResult> AddStatusAsync(int id, int version, StatusForm form, Actor actor) =>
        ChangeAsync(id, version, actor, AuditAction.RegistryStatusAdded, async (entry, errors) =>
        {
            var status = await CheckStatusAsync(form, errors, "");
            if (status is null)
            {
                if (!errors.Any) errors.Add(nameof(form.Status), text["Admin.Editor.Error.Required"]);
                return null;
            }
            entry.History.Add(Stamp(status, actor));
            return $"status {status.Status} since {status.Since:yyyy-MM-dd}";
        });

    public Task<RegistryResult> RemoveStatusAsync(int id, int version, int statusId, Actor actor) =>
        ChangeAsync(id, version, actor, AuditAction.RegistryStatusRemoved, (entry, errors) =>
        {
            var status = entry.History.FirstOrDefault(s => s.Id == statusId);
            if (status is null) return Task.FromResult<string?>(null);
            entry.History.Remove(status);
            db.RegistryStatuses.Remove(status);
            return Task.FromResult<string?>($"removed {status.Status} since {status.Since:yyyy-MM-dd}");
        });

    public Task<RegistryResult> SetLabelAsync(int id, int version, string? label, Actor actor) =>
        ChangeAsync(id, version, actor, AuditAction.RegistryEntryEdited, (entry, errors) =>
        {
            Text(errors, "Label", label, 200);
            if (errors.Any) return Task.FromResult<string?>(null);
            entry.Label = Blank(label);
            return Task.FromResult<string?>($"label: {entry.Label}");
        });

    private async Task<RegistryResult> ChangeAsync(int id, int version, Actor actor, AuditAction action, Func<RegistryEntry, FormErrors, Task<string?>> change)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entry = await db.RegistryEntries.Include(e => e.History).FirstOrDefaultAsync(e => e.Id == id);
        if (entry is null) return new RegistryResult(Outcome.NotFound);
        if (entry.Version != version) return new RegistryResult(Outcome.Conflict, entry);
        var errors = new FormErrors();
        var detail = await change(entry, errors);
        if (errors.Any) return new RegistryResult(Outcome.Invalid, entry, errors);
        if (detail is null) return new RegistryResult(Outcome.NotFound, entry);
        entry.Version++;
        entry.UpdatedAt = Now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RegistryResult(Outcome.Conflict, entry);
        }
        return await CommitAsync(transaction, entry, actor, action, detail);
    }

    private async Task<RegistryResult> CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, RegistryEntry entry, Actor actor, AuditAction action, string detail)
    {
        await revisions.AddAsync(entry, actor, detail);
        audit.Add(action, Describe(entry), detail);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        officials.Changed();
        await publicContent.ChangedAsync();
        return new RegistryResult(Outcome.Done, entry);
    }

    public static string Describe(RegistryEntry entry) => $"registry {entry.Type.ToString().ToLowerInvariant()} {entry.Value} ({entry.Id})";

    private StatusRecord Stamp(StatusRecord status, Actor actor)
    {
        status.RecordedAt = Now;
        status.RecordedBy = actor.Name;
        return status;
    }

    /// <summary>The status the form describes, null when it was left empty (or has errors, added to <paramref name="errors"/>).</summary>
    private async Task<StatusRecord?> CheckStatusAsync(StatusForm form, FormErrors errors, string prefix)
    {
        if (string.IsNullOrWhiteSpace(form.Status)) return null;
        if (!Enum.TryParse<ChannelStatus>(form.Status, out var status) || !Enum.IsDefined(status) || int.TryParse(form.Status, out _))
        {
            errors.Add(prefix + nameof(form.Status), text["Admin.Editor.Error.Choice"]);
            return null;
        }
        var since = AdvisoryForm.ParseDate(form.Since);
        if (since is null) errors.Add(prefix + nameof(form.Since), text["Admin.Editor.Error.Date"]);
        Organisation? organisation = null;
        if (Blank(form.Organisation) is { } key)
        {
            organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Key == key);
            if (organisation is null) errors.Add(prefix + nameof(form.Organisation), text["Admin.Editor.Error.Choice"]);
        }
        else if (status == ChannelStatus.Official) errors.Add(prefix + nameof(form.Organisation), text["Admin.Registry.Error.OfficialNeedsOrganisation"]);
        Text(errors, prefix + nameof(form.Channel), form.Channel, 200);
        Text(errors, prefix + nameof(form.Note), form.Note, 1000);
        Text(errors, prefix + nameof(form.SourceTitle), form.SourceTitle, 300);
        if (Blank(form.SourceUrl) is { } url && !IsWebUrl(url)) errors.Add(prefix + nameof(form.SourceUrl), text["Admin.Editor.Error.Url"]);
        if (errors.Any) return null;
        return new StatusRecord
        {
            Status = status, Since = since!.Value, OrganisationId = organisation?.Id, Channel = Blank(form.Channel), Note = Blank(form.Note),
            SourceTitle = Blank(form.SourceTitle), SourceUrl = Blank(form.SourceUrl),
        };
    }

    private void Text(FormErrors errors, string field, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max) errors.Add(field, string.Format(CultureInfo.CurrentCulture, text["Admin.Editor.Error.TooLong"], max));
        else if (AdvisoryRules.HasControl(trimmed, multiline: false)) errors.Add(field, text["Admin.Editor.Error.Control"]);
    }

    internal static bool IsWebUrl(string value) =>
        value.Length <= 2000 && !AdvisoryRules.HasControl(value, multiline: false) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
