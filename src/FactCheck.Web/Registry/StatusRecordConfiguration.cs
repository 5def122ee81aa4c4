using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
