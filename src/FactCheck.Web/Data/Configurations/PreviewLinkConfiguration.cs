using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck;

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
