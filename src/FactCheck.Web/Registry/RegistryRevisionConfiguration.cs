using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
