using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class EditorUserConfiguration : IEntityTypeConfiguration<EditorUser>
{
    public void Configure(EntityTypeBuilder<EditorUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.ScheduleTimeZone).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(256);
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        entry.Property(e => e.Target).HasMaxLength(400);
        entry.Property(e => e.Detail).HasMaxLength(1000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.HasIndex(e => e.At);
    }
}

internal sealed class AdvisoryRevisionConfiguration : IEntityTypeConfiguration<AdvisoryRevision>
{
    public void Configure(EntityTypeBuilder<AdvisoryRevision> revision)
    {
        revision.Property(r => r.SavedById).HasMaxLength(450);
        revision.Property(r => r.SavedByName).HasMaxLength(256);
        revision.Property(r => r.Reason).HasConversion<string>().HasMaxLength(16);
        revision.Property(r => r.Note).HasMaxLength(4000);
        revision.HasIndex(r => new { r.AdvisoryId, r.Number }).IsUnique();
        revision.HasOne<Advisory>().WithMany().HasForeignKey(r => r.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PreviewLinkConfiguration : IEntityTypeConfiguration<PreviewLink>
{
    public void Configure(EntityTypeBuilder<PreviewLink> link)
    {
        link.Property(l => l.Token).HasMaxLength(64);
        link.Property(l => l.CreatedByName).HasMaxLength(256);
        link.HasIndex(l => l.Token).IsUnique();
        link.HasOne<Advisory>().WithMany().HasForeignKey(l => l.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AutosaveConfiguration : IEntityTypeConfiguration<Autosave>
{
    public void Configure(EntityTypeBuilder<Autosave> autosave)
    {
        autosave.Property(a => a.UserId).HasMaxLength(450);
        autosave.Property(a => a.Key).HasMaxLength(40);
        autosave.HasIndex(a => new { a.UserId, a.Key }).IsUnique();
        autosave.HasOne<EditorUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        autosave.HasOne<Advisory>().WithMany().HasForeignKey(a => a.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BackOfficeSettingConfiguration : IEntityTypeConfiguration<BackOfficeSetting>
{
    public void Configure(EntityTypeBuilder<BackOfficeSetting> setting)
    {
        setting.ToTable("Settings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
        setting.Property(s => s.Value).HasMaxLength(1000);
    }
}
