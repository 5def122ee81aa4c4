using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Key).HasMaxLength(60);
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Website).HasMaxLength(2000);
        organisation.HasIndex(o => o.Key).IsUnique();
    }
}

internal sealed class RegistryEntryConfiguration : IEntityTypeConfiguration<RegistryEntry>
{
    public void Configure(EntityTypeBuilder<RegistryEntry> entry)
    {
        entry.ToTable("RegistryEntries");
        entry.Property(e => e.Value).HasMaxLength(IndicatorNormalizer.MaxNormalizedLength);
        entry.Property(e => e.PhoneKey).HasMaxLength(IndicatorNormalizer.PhoneLookupKeyLength);
        entry.Property(e => e.Label).HasMaxLength(200);
        entry.Property(e => e.Version).IsConcurrencyToken();
        // One entry per indicator: the check's exact lookup and the advisory feed's upsert use this index.
        entry.HasIndex(e => new { e.Type, e.Value }).IsUnique();
        // National forms of a phone number share its last digits (IndicatorNormalizer.PhoneLookupKey).
        entry.HasIndex(e => e.PhoneKey);
        entry.HasMany(e => e.History).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        entry.Ignore(e => e.Timeline);
    }
}

internal sealed class StatusRecordConfiguration : IEntityTypeConfiguration<StatusRecord>
{
    public void Configure(EntityTypeBuilder<StatusRecord> status)
    {
        status.ToTable("RegistryStatuses");
        status.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        status.Property(s => s.Channel).HasMaxLength(200);
        status.Property(s => s.Note).HasMaxLength(1000);
        status.Property(s => s.SourceTitle).HasMaxLength(300);
        status.Property(s => s.SourceUrl).HasMaxLength(2000);
        status.Property(s => s.RecordedBy).HasMaxLength(256);
        // The allowlist (official channels) and the look-alike check read statuses by kind.
        status.HasIndex(s => s.Status);
        status.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        status.HasOne<Advisory>().WithMany().HasForeignKey(s => s.AdvisoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class RegistryRevisionConfiguration : IEntityTypeConfiguration<RegistryRevision>
{
    public void Configure(EntityTypeBuilder<RegistryRevision> revision)
    {
        revision.Property(r => r.SavedById).HasMaxLength(450);
        revision.Property(r => r.SavedByName).HasMaxLength(256);
        revision.Property(r => r.Change).HasMaxLength(400);
        revision.HasIndex(r => new { r.EntryId, r.Number }).IsUnique();
        revision.HasOne<RegistryEntry>().WithMany().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
