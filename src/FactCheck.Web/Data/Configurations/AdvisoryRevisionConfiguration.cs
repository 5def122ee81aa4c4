using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
