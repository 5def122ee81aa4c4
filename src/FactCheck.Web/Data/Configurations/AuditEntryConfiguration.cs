using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
